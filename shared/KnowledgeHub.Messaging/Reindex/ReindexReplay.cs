using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Messaging.Reindex;

/// <summary>
/// A data-owning service's part in Search's rebuild protocol (ADR 0019, 0034), inside the
/// transaction of its <see cref="ReindexRequested"/> consumer.
/// </summary>
public static class ReindexReplay
{
    /// <summary>
    /// True the first time <paramref name="reindexId"/> is answered. The service's
    /// <c>reindex_replays</c> table records it, so a request republished under a new message id
    /// replays nothing.
    /// </summary>
    public static async Task<bool> ClaimAsync(UnitOfWork work, Guid reindexId, TimeProvider time) =>
        await work.ExecuteAsync(
            "INSERT INTO reindex_replays (reindex_id, replayed_at) VALUES (@ReindexId, @Now) ON CONFLICT (reindex_id) DO NOTHING",
            new { ReindexId = reindexId, Now = time.UtcNowForDatabase() }) == 1;

    /// <summary>
    /// Announces that <paramref name="service"/> replays <paramref name="total"/> documents: call it after
    /// enqueuing them, each naming <paramref name="reindexId"/> in its <c>ReplayOf</c>, with their number.
    /// Search counts the distinct documents so named, in whatever order they and this arrive.
    /// </summary>
    public static Task AnnounceAsync<TDatabase>(UnitOfWork work, Outbox<TDatabase> outbox, Guid reindexId, string service, int total, TimeProvider time)
        where TDatabase : ModuleDatabase =>
        outbox.EnqueueAsync(work, new ReindexReplayStarted(reindexId, service, total, time.UtcNowForDatabase()));
}
