using System.Globalization;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Tells a key result's owners that a check-in is due, once per key result and window.</summary>
internal sealed class KeyResultCheckInDueConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, KeyResultCheckInDue>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, KeyResultCheckInDue message, CancellationToken cancellationToken)
    {
        if (message.ObjectiveId == Guid.Empty || message.KeyResultId == Guid.Empty || string.IsNullOrWhiteSpace(message.KeyResultTitle) || message.Owners is null)
        {
            throw new InvalidEventException("A KeyResultCheckInDue needs an objective, a key result, its title and its owners.");
        }

        var notice = new Notice(
            NotificationKinds.CheckInDue,
            $"A check-in is due for {message.KeyResultTitle} ({message.ObjectiveTitle})",
            $"/objectives/{message.ObjectiveId}",
            null,
            $"check-in-due:{message.KeyResultId}:{message.DueSince.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
        await notifier.ToAsync(work, notice, message.Owners, Audience.Everyone);
    }
}
