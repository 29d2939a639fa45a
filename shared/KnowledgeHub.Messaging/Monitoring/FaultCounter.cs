using MassTransit;

namespace KnowledgeHub.Messaging.Monitoring;

/// <summary>
/// Counts messages whose consumer failed for good: every retry spent (MassTransit reports a
/// consume fault once, after its retries), so the message now sits in the queue's <c>_error</c>
/// queue. The one error signal of the in-memory transport, whose queues nobody can inspect.
/// </summary>
internal sealed class FaultCounter : IReceiveObserver
{
    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        MessagingTelemetry.Faulted.Add(
            1,
            new KeyValuePair<string, object?>("queue", context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1]),
            new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
