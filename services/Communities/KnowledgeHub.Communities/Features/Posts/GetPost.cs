using System.Security.Claims;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Posts;

internal static class GetPost
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/posts/{id:guid}", HandleAsync)
            .WithName(nameof(GetPost))
            .WithSummary("One post; a question comes with its answers.");

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await PostReader.ReadAsync(connection, database.Dialect, "WHERE p.id = @Id", new { Id = id }, cancellationToken);
        if (found.Count == 0
            || await PostVisibility.VisibleCommunityAsync(connection, found[0].CommunityId, user.PersonId(), cancellationToken) is null)
        {
            return Problems.NotFound("The post");
        }

        var post = found[0];
        ETags.Set(response, post.Version);
        // Answering arrives with the Q&A slice; until then a question's answer list is empty.
        return TypedResults.Ok(post.Type == "question" ? post with { Answers = [] } : post);
    }
}
