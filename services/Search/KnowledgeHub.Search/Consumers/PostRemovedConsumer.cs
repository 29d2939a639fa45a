using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>A removed post leaves a tombstone at its version, so a late older update cannot bring it back.</summary>
internal sealed class PostRemovedConsumer(SearchProjection projection) : IConsumer<PostRemoved>
{
    public Task Consume(ConsumeContext<PostRemoved> context)
    {
        var post = context.Message;
        EventChecks.Require(post.PostId != Guid.Empty, nameof(PostRemoved), "it has no id");
        EventChecks.Require(post.Version >= 1, nameof(PostRemoved), "its version is not positive");
        return projection.RemoveAsync(new DocumentRemoval(DocumentTypes.Post, post.PostId, post.Version, post.RemovedAt), context.CancellationToken);
    }
}
