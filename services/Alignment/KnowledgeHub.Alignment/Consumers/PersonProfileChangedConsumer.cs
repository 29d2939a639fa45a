using KnowledgeHub.Alignment.Features.Members;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Alignment.Consumers;

/// <summary>Expertise has a profile for this person (an import, or a sign-in): a project may name them.</summary>
internal sealed class PersonProfileChangedConsumer(AlignmentDatabase database, TimeProvider time)
    : InboxConsumer<AlignmentDatabase, PersonProfileChanged>(database, time)
{
    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, PersonProfileChanged message, CancellationToken cancellationToken)
    {
        if (message.PersonId == Guid.Empty)
        {
            throw new InvalidEventException("A PersonProfileChanged needs a person id.");
        }

        if (!await ErasedPeople.ErasedSinceAsync(work, message.PersonId, message.UpdatedAt))
        {
            await KnownPeople.RememberAsync(work, message.PersonId, _time);
        }
    }
}
