using System.Collections.Concurrent;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Messaging.Audit;

/// <summary>
/// Puts refused attempts into the audit trail (ADR 0069, 0073), as the anonymous actor. An attacker can make
/// thousands a second, so each action and reason is recorded at most once per <see cref="Window"/>
/// per process; the next record says how many were refused since (<c>alsoRefused</c>). Refusals
/// are published in the background: a 401 never waits for the broker, and one that cannot be
/// published is logged instead.
/// </summary>
public sealed partial class RefusedAttempts(IBus bus, string service, TimeProvider time, ILogger<RefusedAttempts> logger)
    : QueuedPublisher<ActionAudited>(bus, capacity: 100), IRefusedAttempts
{
    public const string Actor = "anonymous";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Action, string Reason), Tally> _tallies = new();

    public void Record(string action, string target, string reason, string path)
    {
        var now = time.GetUtcNow();
        var tally = _tallies.GetOrAdd((action, reason), _ => new Tally());
        long alsoRefused;
        lock (tally)
        {
            if (tally.RecordedAt is { } last && now - last < Window)
            {
                tally.Since++;
                return;
            }

            (alsoRefused, tally.Since, tally.RecordedAt) = (tally.Since, 0, now);
        }

        var details = new Dictionary<string, string> { ["reason"] = reason, ["path"] = path };
        if (alsoRefused > 0)
        {
            details["alsoRefused"] = alsoRefused.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        TryQueue(new ActionAudited(Guid.CreateVersion7(), now, Actor, action, target, service, details));
    }

    protected override void NotPublished(Exception exception, ActionAudited refusal) =>
        LogNotRecorded(exception, refusal.Action, refusal.Details["reason"]);

    [LoggerMessage(LogLevel.Warning, "Could not record a refused attempt ({Action}: {Reason}) in the audit trail.")]
    private partial void LogNotRecorded(Exception exception, string action, string reason);

    private sealed class Tally
    {
        public DateTimeOffset? RecordedAt { get; set; }

        public long Since { get; set; }
    }
}
