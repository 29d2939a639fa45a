using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Data;

/// <summary>
/// Removes what has outlived its retention, on a timer of a quarter of the retention (at most an
/// hour). Every instance runs one; pruning twice is harmless. A database that is down for a while
/// only delays pruning; it never stops the host.
/// </summary>
public abstract partial class RetentionPruner(TimeSpan retention, TimeProvider time, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan LongestInterval = TimeSpan.FromHours(1);

    /// <summary>What is pruned, for the log: "search feed entries".</summary>
    protected abstract string What { get; }

    /// <summary>Prunes what is older than the retention now; returns how many rows.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        PruneOlderThanAsync(time.UtcNowForDatabase() - retention, cancellationToken);

    protected abstract Task<int> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(retention / 4 < LongestInterval ? retention / 4 : LongestInterval, time);
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

    private async Task PruneOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var removed = await PruneAsync(stoppingToken);
            if (removed > 0)
            {
                LogPruned(logger, removed, What, retention);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPruneFailed(logger, exception, What);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} {What} older than {Retention}")]
    private static partial void LogPruned(ILogger logger, int count, string what, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning {What} failed; trying again at the next interval")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception, string what);
}
