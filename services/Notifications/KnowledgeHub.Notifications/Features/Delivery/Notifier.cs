using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Email;

namespace KnowledgeHub.Notifications.Features.Delivery;

/// <summary>
/// Writes a notice for its recipients inside the caller's transaction: never for its actor, never
/// for someone outside its audience, never for someone who muted its kind, and once per recipient
/// and event (a second write of the same key changes nothing). New notifications wake the open
/// streams and queue the immediate e-mails their recipients chose.
/// </summary>
internal sealed class Notifier(NotificationSignal signal, EmailQueue email, TimeProvider time)
{
    public async Task<int> ToAsync(UnitOfWork work, Notice notice, IEnumerable<Guid> recipients, Audience audience)
    {
        var candidates = recipients.Where(recipient => recipient != notice.ActorId && recipient != Guid.Empty).Distinct().ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var muted = await work.QueryAsync<Guid>(
            $"SELECT person_id FROM preference_kinds WHERE setting = 'muted' AND kind = @Kind AND {work.Dialect.InList("person_id", "@Recipients")}",
            new { notice.Kind, Recipients = candidates });
        var allowed = candidates.Except(muted).ToList();
        if (audience.MembersOf is { } community && allowed.Count > 0)
        {
            allowed = [.. await work.QueryAsync<Guid>(
                $"SELECT person_id FROM memberships WHERE community_id = @Community AND status = 'active' AND {work.Dialect.InList("person_id", "@Recipients")}",
                new { Community = community, Recipients = allowed })];
        }

        return await WriteAsync(work, notice, allowed);
    }

    /// <summary>Writes the notice for recipients already checked (actor, audience, mutes); returns how many were new.</summary>
    public async Task<int> WriteAsync(UnitOfWork work, Notice notice, IReadOnlyCollection<Guid> recipients)
    {
        if (recipients.Count == 0)
        {
            return 0;
        }

        var now = time.UtcNowForDatabase();
        var written = await work.ExecuteAsync(
            """
            INSERT INTO notifications (id, recipient_id, kind, title, url, actor_id, dedupe_key, created_at)
            VALUES (@Id, @Recipient, @Kind, @Title, @Url, @Actor, @DedupeKey, @Now)
            ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
            """,
            recipients.Select(recipient => new
            {
                Id = Guid.CreateVersion7(now),
                Recipient = recipient,
                notice.Kind,
                notice.Title,
                notice.Url,
                Actor = notice.ActorId,
                notice.DedupeKey,
                Now = now,
            }));
        if (written > 0)
        {
            await email.EnqueueAsync(work, notice.DedupeKey, recipients, now);
            work.AfterCommit(signal.Notify);
        }

        return written;
    }
}
