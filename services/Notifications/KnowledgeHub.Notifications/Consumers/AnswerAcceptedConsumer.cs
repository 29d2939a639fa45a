using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Tells an answer's author that it was accepted (unless they accepted it themselves, as the asker or a lead) and closes the question for digests.</summary>
internal sealed class AnswerAcceptedConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, AnswerAccepted>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, AnswerAccepted message, CancellationToken cancellationToken)
    {
        if (message.AnswerId == Guid.Empty || message.PostId == Guid.Empty || message.CommunityId == Guid.Empty
            || message.AnswerAuthorId == Guid.Empty || message.AcceptedBy == Guid.Empty)
        {
            throw new InvalidEventException("An AnswerAccepted needs an answer, a question, a community, the answer's author and who accepted it.");
        }

        var notice = new Notice(
            NotificationKinds.AnswerAccepted,
            $"Your answer was accepted: {message.QuestionTitle}",
            $"/posts/{message.PostId}",
            message.AcceptedBy,
            $"answer-accepted:{message.AnswerId}");
        // The question is no longer open: digests stop listing it to the experts it was routed to.
        await work.ExecuteAsync(
            "INSERT INTO accepted_questions (post_id, accepted_at) VALUES (@PostId, @AcceptedAt) ON CONFLICT (post_id) DO NOTHING",
            new { message.PostId, message.AcceptedAt });
        var audience = await Audience.OfCommunityAsync(work, message.CommunityId);
        await notifier.ToAsync(work, notice, [message.AnswerAuthorId], audience);
    }
}
