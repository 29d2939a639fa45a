using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Refreshes every open index's readers often (freshness) and commits them now and then
/// (durability); disposing an index at shutdown commits what is left.
/// </summary>
internal sealed class LuceneMaintenance(LuceneIndexStore store, TimeProvider time) : BackgroundService
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
                    await index.RefreshAsync(stoppingToken);
                    if (commit)
                    {
                        await index.CommitAsync(stoppingToken);
                    }
                }

                nextCommit = commit ? time.GetUtcNow() + CommitInterval : nextCommit;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: disposing the indexes commits them.
        }
    }
}
