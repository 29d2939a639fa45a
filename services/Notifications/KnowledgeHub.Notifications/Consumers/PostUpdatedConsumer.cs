using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features.Delivery;
using KnowledgeHub.Notifications.Features.Directory;
using KnowledgeHub.Notifications.Features.Mentions;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>
/// Keeps posts' titles current for the notifications written later (a routed question, say). Only
/// <see cref="PostPublishedConsumer"/> adds posts, so an edit overtaking its post never hides it from followers.
/// People an edit newly @mentions are told (a replay for a reindex tells nobody).
/// </summary>
internal sealed class PostUpdatedConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, PostUpdated>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, PostUpdated message, CancellationToken cancellationToken)
    {
        if (message.PostId == Guid.Empty || message.CommunityId == Guid.Empty || string.IsNullOrWhiteSpace(message.Title))
        {
            throw new InvalidEventException("A PostUpdated needs a post, a community and a title.");
        }

        await work.ExecuteAsync(
            "UPDATE posts SET type = @Type, title = @Title, version = @Version WHERE id = @PostId AND version < @Version",
            new { message.PostId, message.Type, message.Title, message.Version });
        await Tags.RememberAsync(work, message.Tags ?? []);
        if (message.ReplayOf is null && message.CommunityVisibility is "open" or "closed")
        {
            var audience = await Audience.OfCommunityAsync(work, message.CommunityId, message.CommunityVisibility);
            await Mentioning.TellAsync(work, notifier, message.Body, Mentioning.InPost(message.PostId, message.Title, message.AuthorId), audience);
        }
    }
}
