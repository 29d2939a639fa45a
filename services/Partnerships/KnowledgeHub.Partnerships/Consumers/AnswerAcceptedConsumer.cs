using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>An accepted answer weighs more; the acceptance it replaced no longer counts.</summary>
internal sealed class AnswerAcceptedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<AnswerAccepted>(database, time)
{
    protected override Task TakeTurnAsync(UnitOfWork work, AnswerAccepted message) => LedgerTurn.TakeForPieceAsync(work, $"question:{message.PostId}");

    protected override async Task ApplyInTurnAsync(UnitOfWork work, AnswerAccepted message)
    {
        if (message.AnswerId == Guid.Empty || message.AnswerAuthorId == Guid.Empty)
        {
            throw new InvalidEventException("An AnswerAccepted needs an answer id and its author.");
        }

        if (message.PreviouslyAcceptedAnswerId is { } previous)
        {
            await Ledger.RemoveAsync(work, "id = @Id", new { Id = $"{HelpKinds.AcceptedAnswer}:{previous}" });
        }

        if (await Questions.RemovedAsync(work, message.PostId))
        {
            return;
        }

        // The asker, as the answer named them; before the answer arrives, whoever accepted it (the asker, or a lead).
        var asker = await work.QueryOneAsync<Guid?>(
            "SELECT receiver_id FROM interactions WHERE id = @Id", new { Id = $"{HelpKinds.Answer}:{message.AnswerId}" }) ?? message.AcceptedBy;
        await Ledger.RecordAsync(work, new Interaction(
            $"{HelpKinds.AcceptedAnswer}:{message.AnswerId}",
            HelpKinds.AcceptedAnswer,
            HelpKinds.AnswerSource(message.AnswerId),
            message.AnswerAuthorId,
            asker,
            message.QuestionTitle,
            message.AcceptedAt,
            HelpKinds.AcceptanceWeight,
            message.PostId,
            message.CommunityId));
    }
}
