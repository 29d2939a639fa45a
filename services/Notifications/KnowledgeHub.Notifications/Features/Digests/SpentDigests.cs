using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>
/// Deletes the digest claims no digest can need again. A claim keeps its period from being sent
/// twice only while that period can be the latest one: at most a week and a day of time-zone change
/// after it was claimed. Kept: pending digests, each person's latest claim (the next digest starts
/// where it ended) and every claim younger than <see cref="Retention"/>.
/// </summary>
internal sealed class SpentDigests(NotificationsDatabase database, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    /// <summary>Deletes the spent claims; returns how many.</summary>
    public async Task<int> DeleteAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ExecuteAsync(
            """
            DELETE FROM digests
            WHERE status <> 'pending' AND until_at < @Cutoff
              AND until_at < (SELECT max(latest.until_at) FROM digests latest WHERE latest.person_id = digests.person_id)
            """,
            new { Cutoff = time.UtcNowForDatabase() - Retention });
    }
}
