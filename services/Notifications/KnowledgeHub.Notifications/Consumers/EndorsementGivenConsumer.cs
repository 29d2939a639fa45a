using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Tells a person a colleague endorsed them.</summary>
internal sealed class EndorsementGivenConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, EndorsementGiven>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, EndorsementGiven message, CancellationToken cancellationToken)
    {
        if (message.EndorsementId == Guid.Empty || message.PersonId == Guid.Empty || message.EndorserId == Guid.Empty || string.IsNullOrWhiteSpace(message.Skill))
        {
            throw new InvalidEventException("An EndorsementGiven needs an endorsement, a person, an endorser and a skill.");
        }

        var notice = new Notice(
            NotificationKinds.Endorsed,
            $"You were endorsed for {message.Skill}",
            $"/people/{message.PersonId}",
            message.EndorserId,
            $"endorsed:{message.EndorsementId}");
        await notifier.ToAsync(work, notice, [message.PersonId], Audience.Everyone);
    }
}
