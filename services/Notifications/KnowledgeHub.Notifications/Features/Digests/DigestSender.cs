using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Email;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>
/// Sends claimed digests in small batches: a digest with news goes out over SMTP and is marked sent,
/// one with nothing to say is marked empty and never mailed. While the server is away a digest
/// waits with the e-mail queue's backoff. Rows are claimed with SKIP LOCKED, so instances share them.
/// The batch is leased (its next attempt put off by <see cref="SmtpConnection.Lease"/>) in one short
/// transaction and recorded in another: no transaction is open while the SMTP server works, which on
/// SQLite would hold off every other writer of the service for the whole run (ADR 0062).
/// </summary>
internal sealed partial class DigestSender(
    NotificationsDatabase database, NotificationsSettings settings, UnsubscribeTokens tokens, TimeProvider time, ILogger<DigestSender> logger)
{
    public const int BatchSize = 20;

    /// <summary>Works off one batch of due digests; true when it was full and more may be due.</summary>
    public async Task<bool> SendDueAsync(CancellationToken cancellationToken)
    {
        await tokens.PrepareAsync();
        var (mail, full) = await LeaseBatchAsync(cancellationToken);
        var sent = await SendAsync(mail, cancellationToken);
        await RecordAsync(mail, sent, cancellationToken);
        return full;
    }

    /// <summary>Marks the batch's empty digests, puts off those without an address, and leases the rest to this instance.</summary>
    private async Task<(List<(DueDigest Digest, DigestContent Content)> Mail, bool Full)> LeaseBatchAsync(CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var due = await work.QueryAsync<DueDigest>(
            $"""
            SELECT d.person_id AS PersonId, d.period AS Period, d.frequency AS Frequency, d.time_zone AS TimeZone, d.since_at AS SinceAt,
                   d.until_at AS UntilAt, d.attempts AS Attempts, p.email AS Address, p.display_name AS DisplayName
            FROM digests d
            LEFT JOIN people p ON p.id = d.person_id
            WHERE d.status = 'pending' AND d.next_attempt_at <= @Now
            ORDER BY d.next_attempt_at
            LIMIT @Take
            {(database.Dialect.Provider == DatabaseProvider.Postgres ? "FOR UPDATE OF d SKIP LOCKED" : "")}
            """,
            new { Now = time.UtcNowForDatabase(), Take = BatchSize });
        var mail = new List<(DueDigest Digest, DigestContent Content)>();
        if (due.Count == 0)
        {
            return (mail, false);
        }

        foreach (var digest in due)
        {
            var content = await DigestContent.ReadAsync(work, digest.PersonId, digest.SinceAt, digest.UntilAt);
            if (!content.HasNews)
            {
                await MarkAsync(work, digest, "empty");
            }
            else if (string.IsNullOrWhiteSpace(digest.Address))
            {
                await RetryLaterAsync(work, digest, "The recipient's e-mail address is not known yet.");
            }
            else
            {
                mail.Add((digest, content));
            }
        }

        await work.ExecuteAsync(
            "UPDATE digests SET next_attempt_at = @Until WHERE person_id = @PersonId AND period = @Period",
            mail.Select(item => new { Until = time.UtcNowForDatabase() + SmtpConnection.Lease, item.Digest.PersonId, item.Digest.Period }));
        await work.CommitAsync();
        return (mail, due.Count == BatchSize);
    }

    private async Task<(int Count, string? Error)> SendAsync(List<(DueDigest Digest, DigestContent Content)> mail, CancellationToken cancellationToken)
    {
        var messages = new List<MimeMessage>(mail.Count);
        foreach (var (digest, content) in mail)
        {
            messages.Add(DigestMessage.Build(settings, digest, content, await tokens.IssueAsync(digest.PersonId, DigestMessage.UnsubscribeKind)));
        }

        var sent = await SmtpConnection.SendAllAsync(settings.Smtp, messages, cancellationToken);
        if (sent.Error is not null)
        {
            LogUnavailable(logger, settings.Smtp.Host, settings.Smtp.Port, sent.Error);
        }

        return sent;
    }

    /// <summary>Marks what went out sent and puts the rest off with backoff.</summary>
    private async Task RecordAsync(List<(DueDigest Digest, DigestContent Content)> mail, (int Count, string? Error) sent, CancellationToken cancellationToken)
    {
        if (mail.Count == 0)
        {
            return;
        }

        await using var work = await database.BeginAsync(cancellationToken);
        foreach (var (digest, _) in mail.Take(sent.Count))
        {
            await MarkAsync(work, digest, "sent");
        }

        foreach (var (digest, _) in mail.Skip(sent.Count))
        {
            await RetryLaterAsync(work, digest, sent.Error ?? "The digest was not sent.");
        }

        await work.CommitAsync();
    }

    private Task MarkAsync(UnitOfWork work, DueDigest digest, string status) =>
        work.ExecuteAsync(
            "UPDATE digests SET status = @Status, sent_at = @Now, attempts = attempts + 1, last_error = NULL WHERE person_id = @PersonId AND period = @Period",
            new { Status = status, Now = time.UtcNowForDatabase(), digest.PersonId, digest.Period });

    private Task RetryLaterAsync(UnitOfWork work, DueDigest digest, string error) =>
        work.ExecuteAsync(
            "UPDATE digests SET attempts = attempts + 1, next_attempt_at = @Next, last_error = @Error WHERE person_id = @PersonId AND period = @Period",
            new { Next = time.UtcNowForDatabase() + SmtpConnection.RetryDelay(settings.Smtp, digest.Attempts), Error = SmtpConnection.Shorten(error), digest.PersonId, digest.Period });

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server {Host}:{Port} did not take the digests ({Reason}); they are retried with backoff.")]
    private static partial void LogUnavailable(ILogger logger, string? host, int port, string reason);
}
