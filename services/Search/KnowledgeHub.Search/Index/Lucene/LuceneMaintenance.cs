using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>Refreshes the index's readers often (freshness) and commits it now and then (durability).</summary>
internal sealed class LuceneMaintenance(LuceneSearchIndex index, TimeProvider time) : BackgroundService
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
                await index.RefreshAsync(stoppingToken);
                if (time.GetUtcNow() >= nextCommit)
                {
                    await index.CommitAsync(stoppingToken);
                    nextCommit = time.GetUtcNow() + CommitInterval;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is not yet committed is committed below.
        }

        await index.CommitAsync(CancellationToken.None);
    }
}
