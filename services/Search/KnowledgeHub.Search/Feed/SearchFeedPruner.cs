using KnowledgeHub.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Feed;

/// <summary>
/// Keeps the search feed from growing without end: entries older than the retention are deleted.
/// Every instance runs one; deleting twice is harmless. The stored documents stay: they are what a
/// follower that fell behind the oldest entry refills its index from.
/// </summary>
internal sealed partial class SearchFeedPruner(SearchDatabase database, SearchFeedSettings settings, TimeProvider time, ILogger<SearchFeedPruner> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestInterval = TimeSpan.FromHours(1);

    /// <summary>Deletes the entries older than the retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ExecuteAsync(
            "DELETE FROM search_feed WHERE appended_at < @Cutoff",
            new { Cutoff = time.UtcNowForDatabase() - settings.Retention });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.Retention / 4 < LongestInterval ? settings.Retention / 4 : LongestInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PruneOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the next start prunes on its schedule.
        }
    }

    // A database that is down for a while only delays pruning; it must not stop the host.
    private async Task PruneOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var removed = await PruneAsync(stoppingToken);
            if (removed > 0)
            {
                LogPruned(logger, removed, settings.Retention);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPruneFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Entries} search feed entries older than {Retention}")]
    private static partial void LogPruned(ILogger logger, int entries, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the search feed failed; trying again at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
