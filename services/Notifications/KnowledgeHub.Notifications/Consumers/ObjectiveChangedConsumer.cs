using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Keeps objectives' titles; an edit (a newer version than one already known) is news for the objective's followers.</summary>
internal sealed class ObjectiveChangedConsumer(NotificationsDatabase database, FanOutSignal fanOut, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, ObjectiveChanged>(database, time)
{
    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, ObjectiveChanged message, CancellationToken cancellationToken)
    {
        if (message.ObjectiveId == Guid.Empty || string.IsNullOrWhiteSpace(message.Title) || message.Version < 1)
        {
            throw new InvalidEventException("An ObjectiveChanged needs an objective, a title and a version.");
        }

        var changed = await work.ExecuteAsync(
            """
            INSERT INTO objectives (id, title, version) VALUES (@ObjectiveId, @Title, @Version)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, version = excluded.version
            WHERE objectives.version < excluded.version
            """,
            new { message.ObjectiveId, message.Title, message.Version });
        if (changed == 1 && message.Version > 1)
        {
            var notice = new Notice(
                NotificationKinds.FollowedActivity,
                $"The objective \"{message.Title}\" was updated",
                $"/objectives/{message.ObjectiveId}",
                null,
                $"objective-changed:{message.ObjectiveId}:{message.Version}");
            await FanOut.EnqueueAsync(work, notice, [$"objective:{message.ObjectiveId}"], Audience.Everyone, fanOut, _time.UtcNowForDatabase());
        }
    }
}
