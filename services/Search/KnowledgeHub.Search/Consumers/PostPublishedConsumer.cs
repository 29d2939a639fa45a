using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

internal sealed class PostPublishedConsumer(SearchProjection projection) : IConsumer<PostPublished>
{
    public Task Consume(ConsumeContext<PostPublished> context)
    {
        var post = context.Message;
        return projection.UpsertAsync(
            Owners.Communities,
            PostDocuments.From(nameof(PostPublished), post.PostId, post.CommunityId, post.CommunityVisibility, post.Title, post.Body, post.Tags, post.AuthorDepartment, post.Version, post.CreatedAt, post.UpdatedAt),
            context.CancellationToken);
    }
}
