using System.Globalization;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Tells a project's lead that a status report is due, once per project and stale window.</summary>
internal sealed class ProjectStatusReportDueConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, ProjectStatusReportDue>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, ProjectStatusReportDue message, CancellationToken cancellationToken)
    {
        if (message.ProjectId == Guid.Empty || message.LeadId == Guid.Empty || string.IsNullOrWhiteSpace(message.ProjectName))
        {
            throw new InvalidEventException("A ProjectStatusReportDue needs a project, its name and its lead.");
        }

        var notice = new Notice(
            NotificationKinds.StatusReportDue,
            $"A status report is due for {message.ProjectName}",
            $"/projects/{message.ProjectId}",
            null,
            $"status-report-due:{message.ProjectId}:{message.DueSince.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
        await notifier.ToAsync(work, notice, [message.LeadId], Audience.Everyone);
    }
}
