using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeHub.Messaging;

/// <summary>
/// Traces and metrics of the messaging layer. Operators watch the outbox backlog and the age of its
/// oldest row (a relay that cannot publish), and how long committed events wait to be published.
/// </summary>
internal static class MessagingTelemetry
{
    public const string Name = "KnowledgeHub.Messaging";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<string, Backlog> Backlogs = new(StringComparer.Ordinal);

    public static readonly Counter<long> Relayed = Meter.CreateCounter<long>(
        "knowledgehub.outbox.relayed", "{message}", "Outbox messages published to the broker.");

    public static readonly Histogram<double> RelayDelay = Meter.CreateHistogram<double>(
        "knowledgehub.outbox.relay_delay", "s", "Time from a change's commit to its event's publication.");

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
    }

    public static void ReportBacklog(string module, long pending, TimeSpan oldestAge) => Backlogs[module] = new Backlog(pending, oldestAge);

    private sealed record Backlog(long Pending, TimeSpan OldestAge);
}
