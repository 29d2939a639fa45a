using KnowledgeHub.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Notifications.Features.Delivery;

/// <summary>Wakes <see cref="FanOutWorker"/> when a job was committed.</summary>
internal sealed class FanOutSignal : WakeUpSignal;

/// <summary>
/// Works off fan-out jobs one batch per transaction, so a crash loses at most the batch in hand
/// (its rows roll back with the job's progress) and several instances share the work.
/// </summary>
internal sealed partial class FanOutWorker(
    NotificationsDatabase database, Notifier notifier, FanOutSignal signal, ILogger<FanOutWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await FanOut.RunBatchAsync(database, notifier, stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A fan-out batch failed; it is retried at the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
