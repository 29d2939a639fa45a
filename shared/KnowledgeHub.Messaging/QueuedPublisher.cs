using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Messaging;

/// <summary>
/// Publishes what a request hands it from a bounded queue in the background, so a request never
/// waits for the broker; what does not fit is dropped, and what fails to publish is handed back.
/// For news that may be lost (announcements, records of refusals), never for a state change: those
/// leave through the outbox.
/// </summary>
public abstract class QueuedPublisher<TMessage>(IBus bus, int capacity) : BackgroundService
    where TMessage : class
{
    private readonly Channel<TMessage> _queue = Channel.CreateBounded<TMessage>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>False when the queue is full and the message was dropped.</summary>
    protected bool TryQueue(TMessage message) => _queue.Writer.TryWrite(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await bus.Publish(message, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                NotPublished(exception, message);
            }
        }
    }

    protected abstract void NotPublished(Exception exception, TMessage message);
}
