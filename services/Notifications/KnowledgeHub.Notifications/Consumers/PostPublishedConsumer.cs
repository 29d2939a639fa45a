using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features;
using KnowledgeHub.Notifications.Features.Delivery;
using KnowledgeHub.Notifications.Features.Directory;
using KnowledgeHub.Notifications.Features.Mentions;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>
/// A new post is news for the followers of its community, its author and its tags (a closed
/// community's for its members only), and for the people its body @mentions. A post heard of before
/// (a replay for a reindex) is not news again.
/// </summary>
internal sealed class PostPublishedConsumer(NotificationsDatabase database, FanOutSignal fanOut, Notifier notifier, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, PostPublished>(database, time)
{
    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, PostPublished message, CancellationToken cancellationToken)
    {
        if (message.PostId == Guid.Empty || message.CommunityId == Guid.Empty || message.AuthorId == Guid.Empty
            || string.IsNullOrWhiteSpace(message.Title) || message.CommunityVisibility is not ("open" or "closed"))
        {
            throw new InvalidEventException("A PostPublished needs a post, a community, an author, a title and the community's visibility.");
        }

        var added = await work.ExecuteAsync(
            """
            INSERT INTO posts (id, community_id, type, title, author_id, version) VALUES (@PostId, @CommunityId, @Type, @Title, @AuthorId, @Version)
            ON CONFLICT (id) DO NOTHING
            """,
            new { message.PostId, message.CommunityId, message.Type, message.Title, message.AuthorId, message.Version });
        var tags = (message.Tags ?? []).Select(Tags.Normalize).Where(tag => tag.Length > 0).ToList();
        await Tags.RememberAsync(work, tags);
        if (added == 0)
        {
            return;
        }

        var notice = new Notice(
            NotificationKinds.FollowedActivity,
            $"New {message.Type}: {message.Title}",
            $"/posts/{message.PostId}",
            message.AuthorId,
            $"post-published:{message.PostId}");
        string[] targets = [$"community:{message.CommunityId}", $"person:{message.AuthorId}", .. tags.Select(tag => $"tag:{tag}")];
        var audience = await Audience.OfCommunityAsync(work, message.CommunityId, message.CommunityVisibility);
        await Mentioning.TellAsync(work, notifier, message.Body, Mentioning.InPost(message.PostId, message.Title, message.AuthorId), audience);
        await FanOut.EnqueueAsync(work, notice, targets, audience, fanOut, _time.UtcNowForDatabase());
    }
}
