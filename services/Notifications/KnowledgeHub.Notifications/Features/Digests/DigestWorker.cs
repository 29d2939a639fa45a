using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>
/// Every <c>Notifications:Digest:PollInterval</c>, claims the digests that became due (at
/// <c>Notifications:Digest:Hour</c> in each person's time zone), sends what is claimed and, once an
/// hour, deletes the claims no digest needs any more.
/// The clock is the injected <see cref="TimeProvider"/>, so tests move through periods at once.
/// </summary>
internal sealed partial class DigestWorker(
    DigestSchedule schedule, DigestSender sender, SpentDigests spent, Email.NotificationsSettings settings, TimeProvider time, ILogger<DigestWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }

            await Task.Delay(settings.Digest.PollInterval, stoppingToken);
        }
    }

    /// <summary>One pass: claim what is due, then send until nothing due is left.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await schedule.ClaimDueAsync(cancellationToken);
        while (await sender.SendDueAsync(cancellationToken))
        {
        }

        if (time.GetUtcNow() >= _nextCleanup)
        {
            _nextCleanup = time.GetUtcNow() + CleanupInterval;
            await spent.DeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The digest pass failed; it is tried again at the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
