using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Tells an applicant what a lead decided on their request to join.</summary>
internal sealed class CommunityJoinDecidedConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, CommunityJoinDecided>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, CommunityJoinDecided message, CancellationToken cancellationToken)
    {
        if (message.CommunityId == Guid.Empty || message.PersonId == Guid.Empty || message.DecidedBy == Guid.Empty || string.IsNullOrWhiteSpace(message.CommunitySlug) || message.Version < 1)
        {
            throw new InvalidEventException("A CommunityJoinDecided needs a community, its slug, a person, who decided and a version.");
        }

        var notice = new Notice(
            NotificationKinds.JoinDecided,
            message.Approved ? $"You are now a member of {message.CommunityName}" : $"Your request to join {message.CommunityName} was declined",
            $"/communities/{message.CommunitySlug}",
            message.DecidedBy,
            $"join-decided:{message.CommunityId}:{message.PersonId}:{message.Version}");
        await notifier.ToAsync(work, notice, [message.PersonId], Audience.Everyone);
    }
}
