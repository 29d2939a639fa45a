using KnowledgeHub.Alignment.Features.Members;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Alignment.Consumers;

/// <summary>A person signed in somewhere: from now on a project may name them.</summary>
internal sealed class PersonSeenConsumer(AlignmentDatabase database, TimeProvider time)
    : InboxConsumer<AlignmentDatabase, PersonSeen>(database, time)
{
    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, PersonSeen message, CancellationToken cancellationToken)
    {
        if (message.PersonId == Guid.Empty)
        {
            throw new InvalidEventException("A PersonSeen needs a person id.");
        }

        if (!await ErasedPeople.ErasedSinceAsync(work, message.PersonId, message.Stamp))
        {
            await KnownPeople.RememberAsync(work, message.PersonId, _time);
        }
    }
}
