using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Alignment.Features.Reminders;

/// <summary>Every <c>Alignment:Reminders:PollInterval</c>, publishes the status reports and check-ins that became due.</summary>
internal sealed partial class ReminderWorker(DueReminders reminders, ReminderSettings settings, ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reminders.PublishDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            await Task.Delay(settings.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due status reports and check-ins failed; it is tried again at the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
