using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Messaging.Audit;

/// <summary>
/// Puts refused attempts into the audit trail (ADR 0069, 0073), as the anonymous actor: each action
/// and reason at most once a minute per process (<see cref="RefusalGate"/>), the next record saying
/// how many were refused since (<c>alsoRefused</c>). Refusals are published in the background: a 401
/// never waits for the broker, and one that cannot be published is logged instead.
/// </summary>
public sealed partial class RefusedAttempts(IBus bus, string service, TimeProvider time, ILogger<RefusedAttempts> logger)
    : QueuedPublisher<ActionAudited>(bus, capacity: 100), IRefusedAttempts
{
    public const string Actor = "anonymous";

    private readonly RefusalGate _gate = new(time);

    public void Record(string action, string target, string reason, string path, string? token = null)
    {
        if (!_gate.TryPass(action, reason, out var alsoRefused))
        {
            return;
        }

        var details = new Dictionary<string, string> { ["reason"] = reason, ["path"] = path };
        if (alsoRefused > 0)
        {
            details["alsoRefused"] = alsoRefused.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        TryQueue(new ActionAudited(Guid.CreateVersion7(), time.GetUtcNow(), Actor, action, target, service, details));
    }

    protected override void NotSent(Exception exception, ActionAudited refusal) =>
        LogNotRecorded(exception, refusal.Action, refusal.Details["reason"]);

    [LoggerMessage(LogLevel.Warning, "Could not record a refused attempt ({Action}: {Reason}) in the audit trail.")]
    private partial void LogNotRecorded(Exception exception, string action, string reason);
}
