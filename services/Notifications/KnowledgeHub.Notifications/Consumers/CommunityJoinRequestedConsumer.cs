using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Tells a community's leads that someone asks to join.</summary>
internal sealed class CommunityJoinRequestedConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, CommunityJoinRequested>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, CommunityJoinRequested message, CancellationToken cancellationToken)
    {
        if (message.CommunityId == Guid.Empty || message.PersonId == Guid.Empty || message.Leads is null || string.IsNullOrWhiteSpace(message.CommunitySlug) || message.Version < 1)
        {
            throw new InvalidEventException("A CommunityJoinRequested needs a community, its slug, a person, the leads and a version.");
        }

        var notice = new Notice(
            NotificationKinds.JoinRequested,
            $"{message.PersonDisplayName} asks to join {message.CommunityName}",
            $"/communities/{message.CommunitySlug}",
            message.PersonId,
            $"join-requested:{message.CommunityId}:{message.PersonId}:{message.Version}");
        await notifier.ToAsync(work, notice, message.Leads, Audience.Everyone);
    }
}
