using KnowledgeHub.Data;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Feed;

/// <summary>
/// Keeps the search feed from growing without end: entries older than the retention are deleted.
/// The stored documents stay: they are what a follower that fell behind the oldest entry refills its
/// index from.
/// </summary>
internal sealed class SearchFeedPruner(SearchDatabase database, SearchFeedSettings settings, TimeProvider time, ILogger<SearchFeedPruner> logger)
    : RetentionPruner(settings.Retention, time, logger)
{
    protected override string What => "search feed entries";

    protected override async Task<int> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ExecuteAsync("DELETE FROM search_feed WHERE appended_at < @Cutoff", new { Cutoff = cutoff });
    }
}
