using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>A removed post leaves a tombstone at its version, so a late older update cannot bring it back.</summary>
internal sealed class PostRemovedConsumer(SearchDatabase database, TimeProvider time, SearchFeed feed)
    : InboxConsumer<SearchDatabase, PostRemoved>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, PostRemoved post, CancellationToken cancellationToken)
    {
        EventChecks.Require(post.PostId != Guid.Empty, nameof(PostRemoved), "it has no id");
        EventChecks.Require(post.Version >= 1, nameof(PostRemoved), "its version is not positive");
        return feed.RemoveAsync(work, Owners.Communities, new DocumentRemoval(DocumentTypes.Post, post.PostId, post.Version, post.RemovedAt));
    }
}
