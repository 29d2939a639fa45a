using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// A question has one accepted answer at a time: the newest acceptance wins, and the answer it
/// replaced (the one this event names, or the one stored) counts as a plain answer again.
/// </summary>
internal sealed class AnswerAcceptedConsumer(ExpertiseDatabase database, TimeProvider time, CommunityEvidence evidence)
    : InboxConsumer<ExpertiseDatabase, AnswerAccepted>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, AnswerAccepted message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.AnswerId, "answer id", nameof(AnswerAccepted));
        EventChecks.RequireId(message.PostId, "post id", nameof(AnswerAccepted));
        EventChecks.RequireId(message.AnswerAuthorId, "answer author id", nameof(AnswerAccepted));
        EventChecks.RequireText(message.QuestionTitle, "question title", nameof(AnswerAccepted));
        var tags = EventChecks.Tags(message.QuestionTags, nameof(AnswerAccepted));

        var stored = await work.QueryOneAsync<Guid?>(
            "SELECT answer_id FROM accepted_answers WHERE post_id = @PostId",
            new { message.PostId });

        // Until AnswerPosted arrives, the acceptance is all that is known of the answer, and where it was posted is not.
        await work.ExecuteAsync(
            """
            INSERT INTO community_answers (answer_id, post_id, author_id, question_title, question_tags, visibility, answered_at)
            VALUES (@AnswerId, @PostId, @AnswerAuthorId, @QuestionTitle, @Tags, NULL, @AcceptedAt)
            ON CONFLICT (answer_id) DO NOTHING;

            INSERT INTO accepted_answers (post_id, answer_id, accepted_at) VALUES (@PostId, @AnswerId, @AcceptedAt)
            ON CONFLICT (post_id) DO UPDATE SET answer_id = excluded.answer_id, accepted_at = excluded.accepted_at
            WHERE accepted_answers.accepted_at < excluded.accepted_at;
            """,
            new { message.AnswerId, message.PostId, message.AnswerAuthorId, QuestionTitle = message.QuestionTitle.Trim(), Tags = tags, message.AcceptedAt });

        foreach (var answer in new[] { message.AnswerId, stored, message.PreviouslyAcceptedAnswerId }.OfType<Guid>().Distinct())
        {
            await evidence.RebuildAnswerAsync(work, answer);
        }
    }
}
