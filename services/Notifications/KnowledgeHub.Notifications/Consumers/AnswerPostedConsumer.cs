using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;
using KnowledgeHub.Notifications.Features.Mentions;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Tells the asker that their question was answered (unless they answered it themselves) and the people the answer @mentions.</summary>
internal sealed class AnswerPostedConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, AnswerPosted>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, AnswerPosted message, CancellationToken cancellationToken)
    {
        if (message.AnswerId == Guid.Empty || message.PostId == Guid.Empty || message.CommunityId == Guid.Empty
            || message.AuthorId == Guid.Empty || message.QuestionAuthorId == Guid.Empty || message.CommunityVisibility is not ("open" or "closed"))
        {
            throw new InvalidEventException("An AnswerPosted needs an answer, a question, a community, both authors and the community's visibility.");
        }

        var notice = new Notice(
            NotificationKinds.AnswerPosted,
            $"New answer to your question: {message.QuestionTitle}",
            $"/posts/{message.PostId}",
            message.AuthorId,
            $"answer-posted:{message.AnswerId}");
        var audience = await Audience.OfCommunityAsync(work, message.CommunityId, message.CommunityVisibility);
        await notifier.ToAsync(work, notice, [message.QuestionAuthorId], audience);
        await Mentioning.TellAsync(
            work,
            notifier,
            message.Body,
            Mentioning.InAnswer(message.AnswerId, message.PostId, message.QuestionTitle, message.AuthorId),
            audience);
    }
}
