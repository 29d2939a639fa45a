using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeHub.Messaging;

/// <summary>
/// Traces and metrics of the messaging layer. Operators watch the outbox backlog and the age of its
/// oldest row (a relay that cannot publish), how long committed events wait to be published, and
/// messages that failed for good (faulted, and waiting in error queues). Consumption itself
/// (rate, duration, time from send to consume) is MassTransit's own <c>MassTransit</c> meter.
/// </summary>
internal static class MessagingTelemetry
{
    public const string Name = "KnowledgeHub.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<string, Backlog> Backlogs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string VirtualHost, string Queue), long> ErrorQueues = new();

    public static readonly Counter<long> Relayed = Meter.CreateCounter<long>(
        "knowledgehub.outbox.relayed", "{message}", "Outbox messages published to the broker.");

    public static readonly Histogram<double> RelayDelay = Meter.CreateHistogram<double>(
        "knowledgehub.outbox.relay_delay", "s", "Time from a change's commit to its event's publication.");

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
    }

    public static void ReportBacklog(string module, long pending, TimeSpan oldestAge) => Backlogs[module] = new Backlog(pending, oldestAge);

    public static void ReportErrorQueue(string virtualHost, string queue, long messages) => ErrorQueues[(virtualHost, queue)] = messages;

    private sealed record Backlog(long Pending, TimeSpan OldestAge);
}
