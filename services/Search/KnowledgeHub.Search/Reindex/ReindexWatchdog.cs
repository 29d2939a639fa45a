using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Search.Reindex;

/// <summary>Fails a rebuild that a service never answers or stops feeding.</summary>
internal sealed class ReindexWatchdog(ReindexCoordinator coordinator, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                coordinator.FailIfStalled();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a rebuild in progress is abandoned with the process.
        }
    }
}
