using KnowledgeHub.ServiceDefaults.Background;
using MassTransit;

namespace KnowledgeHub.Messaging;

/// <summary>Publishes, in the background, messages that may be lost (see <see cref="BackgroundQueue{TItem}"/>).</summary>
public abstract class QueuedPublisher<TMessage>(IBus bus, int capacity) : BackgroundQueue<TMessage>(capacity)
    where TMessage : class
{
    protected override Task SendAsync(TMessage message, CancellationToken cancellationToken) => bus.Publish(message, cancellationToken);
}
