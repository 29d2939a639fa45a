using KnowledgeHub.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>
/// Sends queued e-mails over SMTP in small batches, leased in one short transaction and recorded in
/// another, with no transaction open while the server works (ADR 0062). While the server is away
/// every claimed e-mail waits longer each time (1 s doubling up to <c>Notifications:Smtp:MaxRetryDelay</c>); once it is
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
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    /// <summary>Sends one batch of due e-mails; true when the batch was full, all of it went out, and more may be due.</summary>
    private async Task<bool> SendDueAsync(CancellationToken cancellationToken)
    {
        await tokens.PrepareAsync();
        var (mail, full) = await LeaseBatchAsync(cancellationToken);
        var messages = new List<MimeMessage>(mail.Count);
        foreach (var email in mail)
        {
            messages.Add(EmailMessage.Build(settings, email, await tokens.IssueAsync(email.RecipientId, email.Kind)));
        }

        var sent = await SmtpConnection.SendAllAsync(settings.Smtp, messages, cancellationToken);
        if (sent.Error is not null)
        {
            LogUnavailable(logger, settings.Smtp.Host, settings.Smtp.Port, sent.Error);
        }

        await RecordAsync(mail, sent, cancellationToken);
        return full && sent.Error is null;
    }

    /// <summary>Puts off the batch's e-mails whose recipient has no known address and leases the rest to this instance.</summary>
    private async Task<(List<QueuedEmail> Mail, bool Full)> LeaseBatchAsync(CancellationToken cancellationToken)
    {
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
        var mail = new List<QueuedEmail>();
        foreach (var email in due)
        {
            if (string.IsNullOrWhiteSpace(email.Address))
            {
                // The recipient's profile (with the address) has not arrived yet.
                await RetryLaterAsync(work, email, "The recipient's e-mail address is not known yet.");
            }
            else
            {
                mail.Add(email);
            }
        }

        await work.ExecuteAsync(
            "UPDATE email_queue SET next_attempt_at = @Until WHERE notification_id = @NotificationId",
            mail.Select(email => new { Until = time.UtcNowForDatabase() + SmtpConnection.Lease, email.NotificationId }));
        await work.CommitAsync();
        return (mail, due.Count == BatchSize);
    }

    /// <summary>Marks what went out sent and puts the rest off with backoff.</summary>
    private async Task RecordAsync(List<QueuedEmail> mail, (int Count, string? Error) sent, CancellationToken cancellationToken)
    {
        if (mail.Count == 0)
        {
            return;
        }

        await using var work = await database.BeginAsync(cancellationToken);
        await work.ExecuteAsync(
            "UPDATE email_queue SET sent_at = @Now, attempts = attempts + 1, last_error = NULL WHERE notification_id = @NotificationId",
            mail.Take(sent.Count).Select(email => new { Now = time.UtcNowForDatabase(), email.NotificationId }));
        foreach (var email in mail.Skip(sent.Count))
        {
            await RetryLaterAsync(work, email, sent.Error ?? "The e-mail was not sent.");
        }

        await work.CommitAsync();
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
