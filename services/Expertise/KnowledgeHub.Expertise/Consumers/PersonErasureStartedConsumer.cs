using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Privacy;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// Erases a person from the directory (ADR 0072). Their endorsements of others are withdrawn first,
/// through the evidence store, so the people they endorsed are ranked without them.
/// </summary>
internal sealed class PersonErasureStartedConsumer(ExpertiseDatabase database, TimeProvider time, Outbox<ExpertiseDatabase> outbox, PeopleSeen peopleSeen)
    : PersonErasureConsumer<ExpertiseDatabase>(database, time, outbox, peopleSeen)
{
    protected override IReadOnlyList<string> Statements => ExpertisePersonalData.Erasure;

    protected override async Task BeforeStatementsAsync(UnitOfWork work, Guid personId)
    {
        var given = await work.QueryAsync<GivenEndorsement>(
            "SELECT id AS Id, person_id AS PersonId FROM endorsements WHERE endorser_id = @PersonId AND person_id <> @PersonId",
            new { PersonId = personId });
        await EvidenceStore.ReplaceManyAsync(work, given.Select(endorsement => new EvidenceSource(EvidenceStore.EndorsementSource(endorsement.Id), endorsement.PersonId, [])).ToList());
    }

    private sealed class GivenEndorsement
    {
        public Guid Id { get; init; }

        public Guid PersonId { get; init; }
    }
}
