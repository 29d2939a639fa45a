using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>An edit, a changed community visibility, or a reindex replay: the post's full state.</summary>
internal sealed class PostUpdatedConsumer(SearchProjection projection) : IConsumer<PostUpdated>
{
    public Task Consume(ConsumeContext<PostUpdated> context)
    {
        var post = context.Message;
        return projection.UpsertAsync(
            Owners.Communities,
            PostDocuments.From(nameof(PostUpdated), post.PostId, post.CommunityId, post.CommunityVisibility, post.Title, post.Body, post.Tags, post.AuthorDepartment, post.Version, post.CreatedAt, post.UpdatedAt),
            context.CancellationToken);
    }
}
