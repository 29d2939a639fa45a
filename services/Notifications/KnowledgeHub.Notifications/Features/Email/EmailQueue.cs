using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications.Features.Email;

/// <summary>
/// Queues an immediate e-mail for each new notification whose recipient chose its kind, in the
/// transaction that writes the notification; nothing when no SMTP host is configured.
/// </summary>
internal sealed class EmailQueue(NotificationsSettings settings, EmailSignal signal)
{
    public async Task EnqueueAsync(UnitOfWork work, string dedupeKey, IReadOnlyCollection<Guid> recipients, DateTimeOffset now)
    {
        if (!settings.Smtp.IsEnabled || recipients.Count == 0)
        {
            return;
        }

        var queued = await work.ExecuteAsync(
            $"""
            INSERT INTO email_queue (notification_id, attempts, next_attempt_at, created_at)
            SELECT n.id, 0, @Now, @Now FROM notifications n
            JOIN preference_kinds k ON k.person_id = n.recipient_id AND k.setting = 'immediate' AND k.kind = n.kind
            WHERE n.dedupe_key = @DedupeKey AND {work.Dialect.InList("n.recipient_id", "@Recipients")}
            ON CONFLICT (notification_id) DO NOTHING
            """,
            new { DedupeKey = dedupeKey, Recipients = recipients, Now = now });
        if (queued > 0)
        {
            work.AfterCommit(signal.Notify);
        }
    }
}

/// <summary>Wakes the e-mail sender when e-mails were queued.</summary>
internal sealed class EmailSignal : KnowledgeHub.Messaging.WakeUpSignal;
