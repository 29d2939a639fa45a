using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Email;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Notifications.Features.Inbox;

/// <summary>Deletes in-app notifications older than <c>Notifications:Retention</c>, read or not.</summary>
internal sealed class NotificationPruner(NotificationsDatabase database, NotificationsSettings settings, TimeProvider time, ILogger<NotificationPruner> logger)
    : RetentionPruner(settings.Retention, time, logger)
{
    protected override string What => "notifications";

    protected override async Task<int> PruneOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ExecuteAsync("DELETE FROM notifications WHERE created_at < @Cutoff", new { Cutoff = cutoff });
    }
}
