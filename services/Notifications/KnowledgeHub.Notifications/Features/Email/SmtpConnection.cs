using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>What every sender of this service shares: the connection to the SMTP server, what counts as the server being away, and the backoff.</summary>
internal static class SmtpConnection
{
    /// <summary>
    /// How long a batch taken for sending is kept from every sender (ADR 0062): it is taken in one
    /// short transaction, sent with none open, and recorded in another, so on SQLite no other writer
    /// of the service waits for the SMTP server. A crash in between sends it again after the lease.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends in order over one connection; answers how many went out and, when the server went away, why the rest did not.</summary>
    public static async Task<(int Count, string? Error)> SendAllAsync(
        SmtpSettings smtp, IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return (0, null);
        }

        var sent = 0;
        try
        {
            using var client = await OpenAsync(smtp, cancellationToken);
            foreach (var message in messages)
            {
                await client.SendAsync(message, cancellationToken);
                sent++;
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
            return (sent, null);
        }
        catch (Exception exception) when (IsUnavailable(exception, cancellationToken))
        {
            return (sent, exception.Message);
        }
    }

    private static async Task<SmtpClient> OpenAsync(SmtpSettings smtp, CancellationToken cancellationToken)
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
    private static bool IsUnavailable(Exception exception, CancellationToken stopping) =>
        exception is IOException or System.Net.Sockets.SocketException or ProtocolException or CommandException or TimeoutException
        || exception is OperationCanceledException && !stopping.IsCancellationRequested;

    /// <summary>1 s, 2 s, 4 s, ... after each failed attempt, up to <c>Notifications:Smtp:MaxRetryDelay</c>.</summary>
    public static TimeSpan RetryDelay(SmtpSettings smtp, long attempts) =>
        TimeSpan.FromSeconds(Math.Min(smtp.MaxRetryDelay.TotalSeconds, Math.Pow(2, Math.Min(attempts, 30))));

    public static string Shorten(string error) => error.Length > 500 ? error[..500] : error;
}
