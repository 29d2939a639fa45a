using System.Security.Claims;
using Dapper;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Communities;

internal static class GetCommunity
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communities/{idOrSlug}", HandleAsync)
            .WithName(nameof(GetCommunity))
            .WithSummary("A community by id or slug. Closed communities are listed to everyone; their content is not.");

    private static async Task<Results<Ok<CommunityResponse>, ProblemHttpResult>> HandleAsync(
        string idOrSlug,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var filter = Guid.TryParse(idOrSlug, out var id) ? "WHERE c.id = @Id" : "WHERE c.slug = @Slug";
        var found = await CommunityReader.ReadAsync(
            session,
            filter,
            new DynamicParameters(new { Id = id, Slug = idOrSlug.ToLowerInvariant() }),
            user.PersonId());
        if (found.Count == 0)
        {
            return Problems.NotFound("The community");
        }

        ETags.Set(response, found[0].Version);
        return TypedResults.Ok(found[0]);
    }
}
