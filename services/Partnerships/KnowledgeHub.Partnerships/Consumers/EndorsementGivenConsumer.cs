using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>
/// An endorsement says the endorser learned from the endorsed person's knowledge: help from the
/// endorsed person to the endorser (docs/partnerships.md).
/// </summary>
internal sealed class EndorsementGivenConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<EndorsementGiven>(database, time)
{
    protected override Task TakeTurnAsync(UnitOfWork work, EndorsementGiven message) => LedgerTurn.TakeForPieceAsync(work, $"endorsement:{message.EndorsementId}");

    protected override Task ApplyInTurnAsync(UnitOfWork work, EndorsementGiven message)
    {
        if (message.EndorsementId == Guid.Empty || message.PersonId == Guid.Empty || message.EndorserId == Guid.Empty)
        {
            throw new InvalidEventException("An EndorsementGiven needs an id, the endorsed person and the endorser.");
        }

        return Ledger.RecordAsync(work, new Interaction(
            $"{HelpKinds.Endorsement}:{message.EndorsementId}",
            HelpKinds.Endorsement,
            HelpKinds.EndorsementSource(message.EndorsementId),
            message.PersonId,
            message.EndorserId,
            message.Skill,
            message.GivenAt,
            HelpKinds.EndorsementWeight));
    }
}
