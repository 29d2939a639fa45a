using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Refreshes every open index's readers often (freshness) and commits them now and then
/// (durability); disposing an index at shutdown commits what is left.
/// </summary>
internal sealed partial class LuceneMaintenance(LuceneIndexStore store, TimeProvider time, ILogger<LuceneMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextCommit = time.GetUtcNow() + CommitInterval;
        using var timer = new PeriodicTimer(LuceneSearchIndex.RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var commit = time.GetUtcNow() >= nextCommit;
                foreach (var index in store.Open)
                {
                    await MaintainAsync(index, commit, stoppingToken);
                }

                nextCommit = commit ? time.GetUtcNow() + CommitInterval : nextCommit;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: disposing the indexes commits them.
        }
    }

    // One index failing (a disk error, a generation retired meanwhile) must not end the loop:
    // an exception escaping a background service stops the whole host.
    private async Task MaintainAsync(LuceneSearchIndex index, bool commit, CancellationToken stoppingToken)
    {
        try
        {
            await index.RefreshAsync(stoppingToken);
            if (commit)
            {
                await index.CommitAsync(stoppingToken);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogMaintenanceFailed(logger, exception, index.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing or committing the search index {Index} failed; retrying at the next tick")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception, string index);
}
