using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>A person's first request to any service creates their profile, as their first visit here would.</summary>
internal sealed class PersonSeenConsumer(ExpertiseDatabase database, TimeProvider time, Provisioning provisioning)
    : InboxConsumer<ExpertiseDatabase, PersonSeen>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, PersonSeen message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.PersonId, "person id", nameof(PersonSeen));
        return provisioning.EnsureAsync(work, message.PersonId, message.Email, message.DisplayName, message.Department);
    }
}
