using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// A person's first request to any service creates their profile, as their first visit here would;
/// unless it was made before they were erased and reached here after (ADR 0072).
/// </summary>
internal sealed class PersonSeenConsumer(ExpertiseDatabase database, TimeProvider time, Provisioning provisioning)
    : InboxConsumer<ExpertiseDatabase, PersonSeen>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, PersonSeen message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.PersonId, "person id", nameof(PersonSeen));
        if (!await ErasedPeople.ErasedSinceAsync(work, message.PersonId, message.Stamp))
        {
            await provisioning.EnsureAsync(work, message.PersonId, message.Email, message.DisplayName, message.Department);
        }
    }
}
