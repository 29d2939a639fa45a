using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>An edit, a changed community visibility, or a reindex replay: the post's full state.</summary>
internal sealed class PostUpdatedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, PostUpdated>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, PostUpdated post, CancellationToken cancellationToken) =>
        feed.UpsertAsync(
            work,
            Owners.Communities,
            PostDocuments.From(nameof(PostUpdated), post.PostId, post.CommunityId, post.CommunityVisibility, post.Title, post.Body, post.Tags, post.AuthorDepartment, post.Version, post.CreatedAt, post.UpdatedAt),
            post.ReplayOf);
}
