using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>
/// Tells the experts Expertise suggested for a question that they could answer it. A later
/// suggestion for the same question tells only the experts it adds.
/// </summary>
internal sealed class ExpertsSuggestedConsumer(NotificationsDatabase database, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, ExpertsSuggested>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, ExpertsSuggested message, CancellationToken cancellationToken)
    {
        if (message.PostId == Guid.Empty || message.CommunityId == Guid.Empty || message.Experts is null || message.Experts.Any(expert => expert is null || expert.PersonId == Guid.Empty))
        {
            throw new InvalidEventException("An ExpertsSuggested needs a post, a community and, for every expert, a person id.");
        }

        var post = await work.QueryOneAsync<Question>(
            "SELECT title AS Title, author_id AS AuthorId FROM posts WHERE id = @PostId", new { message.PostId });
        var notice = new Notice(
            NotificationKinds.QuestionRouted,
            post is not null ? $"You could answer: {post.Title}" : "A question you could answer",
            $"/posts/{message.PostId}",
            post?.AuthorId,
            $"question-routed:{message.PostId}");
        var audience = await Audience.OfCommunityAsync(work, message.CommunityId);
        await notifier.ToAsync(work, notice, message.Experts.Select(expert => expert.PersonId), audience);
    }

    private sealed class Question
    {
        public required string Title { get; init; }

        public Guid AuthorId { get; init; }
    }
}
