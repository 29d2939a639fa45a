using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

internal sealed class PostPublishedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, PostPublished>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, PostPublished post, CancellationToken cancellationToken) =>
        feed.UpsertAsync(
            work,
            Owners.Communities,
            PostDocuments.From(nameof(PostPublished), post.PostId, post.CommunityId, post.CommunityVisibility, post.Title, post.Body, post.Tags, post.AuthorDepartment, post.Version, post.CreatedAt, post.UpdatedAt),
            replayOf: null);
}
