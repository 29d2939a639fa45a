using System.Collections.Concurrent;
using KnowledgeHub.Testing;
using MassTransit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>
/// Watches the bus for consumers finishing with a message (done or failed), counted per message id,
/// so a test can wait for an event that changes nothing visible, such as a redelivery.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _finished = new();
    private readonly ConcurrentDictionary<Guid, Exception> _faults = new();

    public Exception? FaultOf(Guid messageId) => _faults.GetValueOrDefault(messageId);

    public int Count(Guid messageId) => _finished.GetValueOrDefault(messageId);

    public Task WaitForAsync(Guid messageId, string what, int times = 1) =>
        Eventually.AssertAsync(() => Task.FromResult(Count(messageId) >= times), TimeSpan.FromSeconds(30), $"the {what} to be consumed");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Finished(context.MessageId);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId is { } id)
        {
            _faults[id] = exception;
        }

        Finished(context.MessageId);
        return Task.CompletedTask;
    }

    private void Finished(Guid? messageId)
    {
        if (messageId is { } id)
        {
            _finished.AddOrUpdate(id, 1, (_, count) => count + 1);
        }
    }
}
