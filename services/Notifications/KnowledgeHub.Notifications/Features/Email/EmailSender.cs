using KnowledgeHub.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>
/// Sends queued e-mails over SMTP in small batches. While the server is away every claimed e-mail
/// waits longer each time (1 s doubling up to <c>Notifications:Smtp:MaxRetryDelay</c>); once it is
/// back each is sent and marked, so nothing is lost. Several instances share the queue (rows are
/// claimed with SKIP LOCKED). An e-mail the server took just before a crash may go out twice; its
/// Message-Id is the same both times.
/// </summary>
internal sealed partial class EmailSender(
    NotificationsDatabase database, NotificationsSettings settings, UnsubscribeTokens tokens, EmailSignal signal, TimeProvider time, ILogger<EmailSender> logger)
    : BackgroundService
{
    public const int BatchSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Sends one batch of due e-mails; true when a full batch went out and more may be due.</summary>
    private async Task<bool> SendDueAsync(CancellationToken cancellationToken)
    {
        await tokens.PrepareAsync();
        await using var work = await database.BeginAsync(cancellationToken);
        var due = await work.QueryAsync<QueuedEmail>(
            $"""
            SELECT q.notification_id AS NotificationId, n.recipient_id AS RecipientId, n.kind AS Kind, n.title AS Title, n.url AS Url,
                   p.email AS Address, p.display_name AS DisplayName, q.attempts AS Attempts
            FROM email_queue q
            JOIN notifications n ON n.id = q.notification_id
            LEFT JOIN people p ON p.id = n.recipient_id
            WHERE q.sent_at IS NULL AND q.next_attempt_at <= @Now
            ORDER BY q.next_attempt_at
            LIMIT @Take
            {(database.Dialect.Provider == DatabaseProvider.Postgres ? "FOR UPDATE OF q SKIP LOCKED" : "")}
            """,
            new { Now = time.UtcNowForDatabase(), Take = BatchSize });
        if (due.Count == 0)
        {
            return false;
        }

        var sent = 0;
        try
        {
            using var client = await SmtpConnection.OpenAsync(settings.Smtp, cancellationToken);
            foreach (var email in due)
            {
                if (string.IsNullOrWhiteSpace(email.Address))
                {
                    // The recipient's profile (with the address) has not arrived yet.
                    await RetryLaterAsync(work, email, "The recipient's e-mail address is not known yet.");
                    continue;
                }

                await client.SendAsync(EmailMessage.Build(settings, email, await tokens.IssueAsync(email.RecipientId, email.Kind)), cancellationToken);
                await work.ExecuteAsync("UPDATE email_queue SET sent_at = @Now, attempts = attempts + 1, last_error = NULL WHERE notification_id = @Id", new { Now = time.UtcNowForDatabase(), Id = email.NotificationId });
                sent++;
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (SmtpConnection.IsUnavailable(exception, cancellationToken))
        {
            // The server is away or refused: everything claimed and not sent waits its turn with backoff.
            LogUnavailable(logger, settings.Smtp.Host, settings.Smtp.Port, exception.Message);
            foreach (var email in due.Skip(sent))
            {
                await RetryLaterAsync(work, email, exception.Message);
            }
        }

        await work.CommitAsync();
        return sent == BatchSize;
    }

    private Task RetryLaterAsync(UnitOfWork work, QueuedEmail email, string error) =>
        work.ExecuteAsync(
            "UPDATE email_queue SET attempts = attempts + 1, next_attempt_at = @Next, last_error = @Error WHERE notification_id = @Id",
            new { Id = email.NotificationId, Next = time.UtcNowForDatabase() + SmtpConnection.RetryDelay(settings.Smtp, email.Attempts), Error = SmtpConnection.Shorten(error) });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail failed; it is retried at the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server {Host}:{Port} did not take the e-mails ({Reason}); they are retried with backoff.")]
    private static partial void LogUnavailable(ILogger logger, string? host, int port, string reason);
}
