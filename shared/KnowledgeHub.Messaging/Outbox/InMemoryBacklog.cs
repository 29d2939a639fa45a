using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;

namespace KnowledgeHub.Messaging.Outbox;

/// <summary>
/// How far the in-memory transport's consumers are behind the outbox relays, from the oldest relayed
/// message a consumer is working on. Each queue hands out its messages in order, so whatever waits
/// in a queue was relayed after the message its consumer is on: that message bounds both the age and
/// the number of the messages the process holds and would lose if it died. The relays stamp what they
/// publish (<see cref="Stamp"/>); this observer sees each delivery start and end. MassTransit keeps its
/// in-memory queues' depths to itself and a message fans out to as many queues as it has consumers,
/// so published and consumed messages cannot simply be counted against each other.
/// </summary>
internal sealed class InMemoryBacklog : IReceiveObserver
{
    private const string RelayedAtHeader = "KnowledgeHub-RelayedAt";
    private const string RelayNumberHeader = "KnowledgeHub-RelayNumber";

    private readonly ConcurrentDictionary<ReceiveContext, Relayed> _inProgress = new(ReferenceEqualityComparer.Instance);
    private long _relayedCount;

    /// <summary>Stamps a message a relay is about to publish with when it was relayed and how many were before it.</summary>
    public void Stamp(PublishContext context)
    {
        context.Headers.Set(RelayedAtHeader, Stopwatch.GetTimestamp());
        context.Headers.Set(RelayNumberHeader, Interlocked.Increment(ref _relayedCount));
    }

    /// <summary>
    /// How long ago the oldest message in progress was relayed, and how many messages were relayed
    /// since (an upper bound on what waits in the queues); zero for both when no message is in progress.
    /// A real clock, not the injected <see cref="TimeProvider"/>: tests move that one.
    /// </summary>
    public (TimeSpan Age, long RelayedSince) Behind()
    {
        var (oldestAt, oldestNumber) = (long.MaxValue, long.MaxValue);
        foreach (var relayed in _inProgress.Values)
        {
            (oldestAt, oldestNumber) = (Math.Min(oldestAt, relayed.At), Math.Min(oldestNumber, relayed.Number));
        }

        return oldestAt == long.MaxValue
            ? (TimeSpan.Zero, 0)
            : (Stopwatch.GetElapsedTime(oldestAt), Interlocked.Read(ref _relayedCount) - oldestNumber);
    }

    public Task PreReceive(ReceiveContext context)
    {
        // Messages published outside an outbox (people seen, refused attempts: allowed to be lost) carry no stamp.
        if (context.TransportHeaders.Get<long>(RelayedAtHeader) is { } at && context.TransportHeaders.Get<long>(RelayNumberHeader) is { } number)
        {
            _inProgress[context] = new Relayed(at, number);
        }

        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context) => Finished(context);

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Finished(context);

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    private Task Finished(ReceiveContext context)
    {
        _inProgress.TryRemove(context, out _);
        return Task.CompletedTask;
    }

    private readonly record struct Relayed(long At, long Number);
}
