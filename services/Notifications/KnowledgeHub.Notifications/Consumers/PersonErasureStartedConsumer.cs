using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Notifications.Features.Privacy;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Erases a person from notifications (ADR 0072).</summary>
internal sealed class PersonErasureStartedConsumer(NotificationsDatabase database, TimeProvider time, Outbox<NotificationsDatabase> outbox, PeopleSeen peopleSeen)
    : PersonErasureConsumer<NotificationsDatabase>(database, time, outbox, peopleSeen)
{
    protected override IReadOnlyList<string> Statements => NotificationsPersonalData.Erasure;
}
