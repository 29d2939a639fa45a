using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Alignment.Features.Reminders;

/// <summary>
/// Every <c>Alignment:Reminders:PollInterval</c>, publishes the status reports and check-ins that
/// became due and deletes the claims of windows that have passed.
/// </summary>
internal sealed partial class ReminderWorker(DueReminders reminders, SpentReminders spent, ReminderSettings settings, ILogger<ReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reminders.PublishDueAsync(stoppingToken);
                await spent.DeleteAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }

            await Task.Delay(settings.PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due status reports and check-ins failed; it is tried again at the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
