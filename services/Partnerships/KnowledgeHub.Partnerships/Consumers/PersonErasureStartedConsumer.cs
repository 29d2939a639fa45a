using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.People;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Partnerships.Features.Privacy;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>Erases a person from the collaboration record (ADR 0072), in turn with the record's other writers.</summary>
internal sealed class PersonErasureStartedConsumer(PartnershipsDatabase database, TimeProvider time, Outbox<PartnershipsDatabase> outbox, PeopleSeen peopleSeen)
    : PersonErasureConsumer<PartnershipsDatabase>(database, time, outbox, peopleSeen)
{
    protected override IReadOnlyList<string> Statements => PartnershipsPersonalData.Erasure;

    protected override Task BeforeStatementsAsync(UnitOfWork work, Guid personId) => LedgerTurn.TakeAsync(work);
}
