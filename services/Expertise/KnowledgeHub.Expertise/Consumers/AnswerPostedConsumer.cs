using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>An answer is evidence for its author in the question's tags.</summary>
internal sealed class AnswerPostedConsumer(ExpertiseDatabase database, TimeProvider time, CommunityEvidence evidence)
    : InboxConsumer<ExpertiseDatabase, AnswerPosted>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, AnswerPosted message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.AnswerId, "answer id", nameof(AnswerPosted));
        EventChecks.RequireId(message.PostId, "post id", nameof(AnswerPosted));
        EventChecks.RequireId(message.AuthorId, "author id", nameof(AnswerPosted));
        EventChecks.RequireText(message.QuestionTitle, "question title", nameof(AnswerPosted));
        var tags = EventChecks.Tags(message.QuestionTags, nameof(AnswerPosted));

        // The answer may already be known from its acceptance; this event knows when it was posted and where.
        await work.ExecuteAsync(
            """
            INSERT INTO community_answers (answer_id, post_id, author_id, question_title, question_tags, visibility, answered_at)
            VALUES (@AnswerId, @PostId, @AuthorId, @QuestionTitle, @Tags, @Visibility, @PostedAt)
            ON CONFLICT (answer_id) DO UPDATE SET visibility = excluded.visibility, answered_at = excluded.answered_at
            """,
            new
            {
                message.AnswerId,
                message.PostId,
                message.AuthorId,
                QuestionTitle = message.QuestionTitle.Trim(),
                Tags = tags,
                Visibility = message.CommunityVisibility == "open" ? "open" : "closed",
                message.PostedAt,
            });
        await evidence.RebuildAnswerAsync(work, message.AnswerId);
    }
}
