using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Audit;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>Collects every service's audit records into the one trail (ADR 0069).</summary>
internal sealed class ActionAuditedConsumer(ExpertiseDatabase database, TimeProvider time)
    : InboxConsumer<ExpertiseDatabase, ActionAudited>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, ActionAudited message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.Id, "audit entry id", nameof(ActionAudited));
        EventChecks.RequireText(message.Actor, "actor", nameof(ActionAudited));
        EventChecks.RequireText(message.Action, "action", nameof(ActionAudited));
        EventChecks.RequireText(message.Target, "target", nameof(ActionAudited));
        EventChecks.RequireText(message.Service, "service", nameof(ActionAudited));
        return AuditLog.AppendAsync(work, message);
    }
}
