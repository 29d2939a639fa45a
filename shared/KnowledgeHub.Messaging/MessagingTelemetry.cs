using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeHub.Messaging;

/// <summary>
/// Traces and metrics of the messaging layer. Operators watch the outbox backlog and the age of its
/// oldest row (a relay that cannot publish), how long committed events wait to be published, and
/// how far behind and how fast inbox consumers are, and messages that failed for good (faulted,
/// and waiting in error queues). MassTransit's own <c>MassTransit</c> meter adds transport-level detail.
/// </summary>
internal static class MessagingTelemetry
{
    public const string Name = "KnowledgeHub.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<string, Backlog> Backlogs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string VirtualHost, string Queue), long> ErrorQueues = new();
    private static double _inMemoryBacklogSeconds;
    private static long _inMemoryBacklogMessages;

    public static readonly Counter<long> Relayed = Meter.CreateCounter<long>(
        "knowledgehub.outbox.relayed", "{message}", "Outbox messages published to the broker.");

    public static readonly Histogram<double> RelayDelay = Meter.CreateHistogram<double>(
        "knowledgehub.outbox.relay_delay", "s", "Time from a change's commit to its event's publication.");

    private static readonly Histogram<double> ConsumeLag = Meter.CreateHistogram<double>(
        "knowledgehub.messaging.consume.lag", "s", "Time from an event's sending to a consumer taking it up: consumer lag.");

    private static readonly Histogram<double> ConsumeDuration = Meter.CreateHistogram<double>(
        "knowledgehub.messaging.consume.duration", "s", "Time an inbox consumer takes over one event; its count is the consume rate, by outcome.");

    public static readonly Counter<long> Faulted = Meter.CreateCounter<long>(
        "knowledgehub.messaging.faulted", "{message}", "Messages whose consumer failed every retry; they went to the queue's _error queue.");

    static MessagingTelemetry()
    {
        Meter.CreateObservableGauge(
            "knowledgehub.outbox.pending",
            () => Backlogs.Select(pair => new Measurement<long>(pair.Value.Pending, new KeyValuePair<string, object?>("module", pair.Key))),
            "{message}",
            "Committed events not yet published.");
        Meter.CreateObservableGauge(
            "knowledgehub.outbox.oldest_pending_age",
            () => Backlogs.Select(pair => new Measurement<double>(pair.Value.OldestAge.TotalSeconds, new KeyValuePair<string, object?>("module", pair.Key))),
            "s",
            "Age of the oldest unpublished event; growing means the relay cannot publish.");
        Meter.CreateObservableGauge(
            "knowledgehub.messaging.error_queue.depth",
            () => ErrorQueues.Select(pair => new Measurement<long>(
                pair.Value,
                new KeyValuePair<string, object?>("queue", pair.Key.Queue),
                new KeyValuePair<string, object?>("vhost", pair.Key.VirtualHost))),
            "{message}",
            "Messages waiting in a RabbitMQ _error or _dead_letter queue for an operator.");
        Meter.CreateObservableGauge(
            "knowledgehub.messaging.in_memory.backlog_age",
            () => Volatile.Read(ref _inMemoryBacklogSeconds),
            "s",
            "In-memory transport: how long ago the oldest message a consumer works on was relayed; above Messaging:InMemoryBacklogAge the relays hold back.");
        Meter.CreateObservableGauge(
            "knowledgehub.messaging.in_memory.backlog_messages",
            () => Volatile.Read(ref _inMemoryBacklogMessages),
            "{message}",
            "In-memory transport: messages relayed after the oldest one a consumer works on; above Messaging:InMemoryBacklogMessages the relays hold back.");
    }

    public static void ReportBacklog(string module, long pending, TimeSpan oldestAge) => Backlogs[module] = new Backlog(pending, oldestAge);

    public static void ReportInMemoryBacklog(TimeSpan age, long messages)
    {
        Volatile.Write(ref _inMemoryBacklogSeconds, age.TotalSeconds);
        Volatile.Write(ref _inMemoryBacklogMessages, messages);
    }

    /// <summary>Records the lag of a message now taken up; <see cref="Consumption.End"/> records how its consumption ended.</summary>
    public static Consumption StartConsuming(string consumer, string messageType, DateTime? sentTime)
    {
        if (sentTime is { } sent)
        {
            // The sender's wall clock, compared with ours: not the injected TimeProvider, which tests move.
            ConsumeLag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), new KeyValuePair<string, object?>("message_type", messageType));
        }

        return new Consumption(consumer, messageType, Stopwatch.GetTimestamp());
    }

    public static void ReportErrorQueue(string virtualHost, string queue, long messages) => ErrorQueues[(virtualHost, queue)] = messages;

    public readonly record struct Consumption(string Consumer, string MessageType, long Started)
    {
        public void End(string outcome) => ConsumeDuration.Record(
            Stopwatch.GetElapsedTime(Started).TotalSeconds,
            new KeyValuePair<string, object?>("consumer", Consumer),
            new KeyValuePair<string, object?>("message_type", MessageType),
            new KeyValuePair<string, object?>("outcome", outcome));
    }

    private sealed record Backlog(long Pending, TimeSpan OldestAge);
}
