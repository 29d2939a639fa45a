using System.Security.Claims;
using KnowledgeHub.Communities.Features.Communities;
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
            .WithSummary("One post; a question comes with its answers (the accepted one first) and the experts suggested to answer it.");

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var post = await PostDetails.ReadAsync(session, id);
        if (post is null
            || await CommunityAccess.ReadAsync(session, post.CommunityId, user.PersonId()) is not { CanSeeContent: true })
        {
            return Problems.NotFound("The post");
        }

        ETags.Set(response, post.Version);
        return TypedResults.Ok(post);
    }
}
