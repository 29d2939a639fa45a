using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>An answer is help from its author to the question's author.</summary>
internal sealed class AnswerPostedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<AnswerPosted>(database, time)
{
    protected override Task TakeTurnAsync(UnitOfWork work, AnswerPosted message) => LedgerTurn.TakeForPieceAsync(work, $"question:{message.PostId}");

    protected override async Task ApplyInTurnAsync(UnitOfWork work, AnswerPosted message)
    {
        if (message.AnswerId == Guid.Empty || message.AuthorId == Guid.Empty || message.QuestionAuthorId == Guid.Empty)
        {
            throw new InvalidEventException("An AnswerPosted needs an answer id, its author and the question's author.");
        }

        if (await Questions.RemovedAsync(work, message.PostId))
        {
            return;
        }

        await Questions.NoteCommunityAsync(work, message.CommunityId, message.CommunityVisibility);
        await Ledger.RecordAsync(work, new Interaction(
            $"{HelpKinds.Answer}:{message.AnswerId}",
            HelpKinds.Answer,
            HelpKinds.AnswerSource(message.AnswerId),
            message.AuthorId,
            message.QuestionAuthorId,
            message.QuestionTitle,
            message.PostedAt,
            HelpKinds.AnswerWeight,
            message.PostId,
            message.CommunityId));
    }
}
