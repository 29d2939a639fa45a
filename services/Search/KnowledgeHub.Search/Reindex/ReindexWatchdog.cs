using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Reindex;

/// <summary>
/// On every instance: completes the running rebuild once every replay has arrived, whoever consumed
/// it, and fails one that a service never answers or stops feeding (ADR 0080).
/// </summary>
internal sealed partial class ReindexWatchdog(ReindexCoordinator coordinator, TimeProvider time, ILogger<ReindexWatchdog> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the rebuild's state is in the database, and the other instances carry on.
        }
    }

    // A database that is down for a while must only delay the rebuild, never stop the host.
    private async Task CheckOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await coordinator.AdvanceAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogCheckFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the rebuild's progress failed; trying again shortly")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
