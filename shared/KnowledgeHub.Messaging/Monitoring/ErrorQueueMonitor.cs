using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>The consumer queues of this process, named as MassTransit configured them.</summary>
internal sealed class ConsumerQueues
{
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _names.Keys.Order(StringComparer.Ordinal);

    public void Add(string name) => _names.TryAdd(name, 0);
}

/// <summary>
/// On RabbitMQ, reads how many messages wait in this process's <c>{queue}_error</c> (failed every
/// retry) and <c>{queue}_dead_letter</c> (killed their consumer too often) queues, every
/// <c>Messaging:ErrorQueuePollInterval</c>, for the <c>knowledgehub.messaging.error_queue.depth</c>
/// gauge. A passive declare only reads a queue's count; it creates nothing.
/// </summary>
internal sealed partial class ErrorQueueMonitor(MessagingSettings settings, ConsumerQueues queues, ILogger<ErrorQueueMonitor> logger) : BackgroundService
{
    private const ushort NotFound = 404;
    private static readonly string[] Suffixes = ["_error", "_dead_letter"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(settings.RabbitMqUrl), ClientProvidedName = "knowledgehub-error-queue-monitor" };
        // A reply later than the next poll is of no use to this one.
        factory.ContinuationTimeout = TimeSpan.FromTicks(Math.Min(factory.ContinuationTimeout.Ticks, settings.ErrorQueuePollInterval.Ticks));
        using var timer = new PeriodicTimer(settings.ErrorQueuePollInterval);
        do
        {
            try
            {
                await PollAsync(factory, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Unreachable, closed, or a reply too late (RabbitMQ.Client ends that as a cancellation):
                // the bus health check reports a broker in trouble, this gauge keeps its last values, and
                // the process goes on; a monitor that threw would stop the host with it.
                LogPollFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        foreach (var queue in queues.Names)
        {
            foreach (var suffix in Suffixes)
            {
                MessagingTelemetry.ReportErrorQueue(factory.VirtualHost, queue + suffix, await CountAsync(connection, queue + suffix, cancellationToken));
            }
        }
    }

    private static async Task<long> CountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A failed passive declare closes its channel, hence a channel per queue.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == NotFound)
        {
            // MassTransit creates an error queue with its first faulted message: none yet.
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the error queue depths from RabbitMQ.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
