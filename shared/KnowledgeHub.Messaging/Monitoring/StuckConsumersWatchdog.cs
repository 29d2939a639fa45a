using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>
/// On RabbitMQ, ends the process with <see cref="ProcessExitCodes.StartAgain"/> when its consumers have been
/// disconnected for <c>Messaging:StuckConsumersRestartAfter</c> while the broker answers, so that the
/// orchestrator starts it again (compose and Kubernetes restart an exited service). A connection reset
/// at the wrong moment of a reconnect can leave a receive endpoint waiting forever for a consumer that
/// RabbitMQ.Client dropped (docs/adr/0085); nothing else would ever consume its queue.
/// </summary>
internal sealed partial class StuckConsumersWatchdog(
    IBusControl bus, MessagingSettings settings, IHostApplicationLifetime lifetime, IOptions<HostOptions> host, TimeProvider time, ILogger<StuckConsumersWatchdog> logger)
    : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>Beyond the host's own shutdown timeout, which a hosted service's stop may outlast.</summary>
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var detector = new StuckConsumersDetector(settings.StuckConsumersRestartAfter);
        var factory = new ConnectionFactory
        {
            Uri = new Uri(settings.RabbitMqUrl),
            ClientProvidedName = "knowledgehub-consumer-watchdog",
            RequestedConnectionTimeout = CheckInterval,
            ContinuationTimeout = CheckInterval,
        };
        using var timer = new PeriodicTimer(CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var health = bus.CheckHealth();
            var healthy = health.Status == BusHealthStatus.Healthy;
            var brokerAnswers = !healthy && await BrokerAnswersAsync(factory, stoppingToken);
            if (detector.Observe(healthy, brokerAnswers, time.GetUtcNow()))
            {
                LogRestarting(logger, settings.StuckConsumersRestartAfter, health.Description);
                Environment.ExitCode = ProcessExitCodes.StartAgain;
                new StopDeadline(lifetime, time, logger, Environment.Exit).Arm(host.Value.ShutdownTimeout + StopMargin, ProcessExitCodes.StartAgain);
                lifetime.StopApplication();
                return;
            }
        }
    }

    /// <summary>Whether the broker accepts a connection from here right now (the bus's own may be broken).</summary>
    private static async Task<bool> BrokerAnswersAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable, refused, a virtual host or credentials that no longer work, a reply too late
            // (RabbitMQ.Client ends that as a cancellation): none of these is mended by starting the
            // process again, and a watchdog that threw would stop the host itself.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Consumers have been disconnected for {Patience} while RabbitMQ answers ({Health}); stopping so that the process is started again.")]
    private static partial void LogRestarting(ILogger logger, TimeSpan patience, string health);
}
