using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>A project's status report is news for the project's followers.</summary>
internal sealed class ProjectStatusReportedConsumer(NotificationsDatabase database, FanOutSignal fanOut, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, ProjectStatusReported>(database, time)
{
    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, ProjectStatusReported message, CancellationToken cancellationToken)
    {
        if (message.ProjectId == Guid.Empty || message.ReportId == Guid.Empty || message.ReportedBy == Guid.Empty || string.IsNullOrWhiteSpace(message.Health))
        {
            throw new InvalidEventException("A ProjectStatusReported needs a project, a report, its reporter and a health.");
        }

        var name = await work.ScalarAsync<string>("SELECT name FROM projects WHERE id = @ProjectId", new { message.ProjectId });
        var notice = new Notice(
            NotificationKinds.FollowedActivity,
            $"{name ?? "A project you follow"} reported its status: {message.Health}",
            $"/projects/{message.ProjectId}",
            message.ReportedBy,
            $"status-reported:{message.ReportId}");
        await FanOut.EnqueueAsync(work, notice, [$"project:{message.ProjectId}"], Audience.Everyone, fanOut, _time.UtcNowForDatabase());
    }
}
