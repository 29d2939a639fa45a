using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Search.Index;
using MassTransit;

namespace KnowledgeHub.Search.Consumers;

/// <summary>A closed community's posts are indexed as restricted to that community's members.</summary>
internal sealed class PostPublishedConsumer(ISearchIndex index) : IConsumer<PostPublished>
{
    public Task Consume(ConsumeContext<PostPublished> context)
    {
        var post = context.Message;
        EventChecks.RequireIdentity(post.PostId, post.Version, post.Title, nameof(PostPublished));
        EventChecks.Require(post.CommunityId != Guid.Empty, nameof(PostPublished), "it names no community");
        EventChecks.Require(post.CommunityVisibility is "open" or "closed", nameof(PostPublished), "its community's visibility is unknown");
        return index.UpsertAsync(
            new SearchDocument(
                DocumentTypes.Post,
                post.PostId,
                post.Title,
                post.Body ?? "",
                post.Tags ?? [],
                string.IsNullOrWhiteSpace(post.AuthorDepartment) ? [] : [post.AuthorDepartment],
                post.CommunityVisibility == "closed" ? post.CommunityId : null,
                $"/posts/{post.PostId}",
                post.Version,
                post.UpdatedAt),
            context.CancellationToken);
    }
}
