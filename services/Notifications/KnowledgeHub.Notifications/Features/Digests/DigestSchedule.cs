using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Email;

namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>
/// Claims the digests that are due: for every person with a daily or weekly digest whose latest
/// period has begun (in their time zone) since they chose it, one row per (person, period). The
/// insert is the lease: several instances may try, the primary key lets one row in.
/// </summary>
internal sealed class DigestSchedule(NotificationsDatabase database, NotificationsSettings settings, TimeProvider time)
{
    /// <summary>Claims what is due now; returns how many digests were claimed.</summary>
    public async Task<int> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNowForDatabase();
        await using var work = await database.BeginAsync(cancellationToken);
        var subscribers = await work.QueryAsync<Subscriber>(
            """
            SELECT p.person_id AS PersonId, p.digest AS Frequency, p.time_zone AS TimeZone, COALESCE(p.digest_since, p.updated_at) AS Since,
                   last.period AS LastPeriod, last.until_at AS LastUntil
            FROM preferences p
            LEFT JOIN digests last ON last.person_id = p.person_id
                AND last.until_at = (SELECT max(d.until_at) FROM digests d WHERE d.person_id = p.person_id)
            WHERE p.digest <> 'off'
            """);
        var claims = subscribers
            .Select(subscriber => (subscriber, period: DigestPeriod.Latest(subscriber.Frequency, TimeZones.Of(subscriber.TimeZone), now, settings.Digest)))
            .Where(due => due.period.Slot >= due.subscriber.Since && due.period.Key != due.subscriber.LastPeriod)
            .Select(due => new
            {
                due.subscriber.PersonId,
                Period = due.period.Key,
                due.subscriber.Frequency,
                TimeZone = due.subscriber.TimeZone ?? TimeZones.Default,
                Since = due.subscriber.LastUntil ?? now - due.period.Length,
                Until = now,
            })
            .ToList();
        var claimed = await work.ExecuteAsync(
            """
            INSERT INTO digests (person_id, period, frequency, time_zone, since_at, until_at, status, attempts, next_attempt_at)
            VALUES (@PersonId, @Period, @Frequency, @TimeZone, @Since, @Until, 'pending', 0, @Until)
            ON CONFLICT (person_id, period) DO NOTHING
            """,
            claims);
        await work.CommitAsync();
        return claimed;
    }

    private sealed class Subscriber
    {
        public Guid PersonId { get; init; }

        public required string Frequency { get; init; }

        public string? TimeZone { get; init; }

        public DateTimeOffset Since { get; init; }

        public string? LastPeriod { get; init; }

        public DateTimeOffset? LastUntil { get; init; }
    }
}
