using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>What every sender of this service shares: the connection to the SMTP server, what counts as the server being away, and the backoff.</summary>
internal static class SmtpConnection
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static async Task<SmtpClient> OpenAsync(SmtpSettings smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)ConnectTimeout.TotalMilliseconds };
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>True when the server did not answer or refused: what was claimed waits and is tried again.</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken stopping) =>
        exception is IOException or System.Net.Sockets.SocketException or ProtocolException or CommandException or TimeoutException
        || exception is OperationCanceledException && !stopping.IsCancellationRequested;

    /// <summary>1 s, 2 s, 4 s, ... after each failed attempt, up to <c>Notifications:Smtp:MaxRetryDelay</c>.</summary>
    public static TimeSpan RetryDelay(SmtpSettings smtp, long attempts) =>
        TimeSpan.FromSeconds(Math.Min(smtp.MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(attempts, 30))));

    public static string Shorten(string error) => error.Length > 500 ? error[..500] : error;
}
