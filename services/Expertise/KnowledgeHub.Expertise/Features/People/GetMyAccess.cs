using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>
/// Whether the caller may use the hub: 204, or 401 when their token is refused, as every route
/// refuses the token of a person the directory deactivated. The gateway asks this when Expertise
/// runs in another process (ADR 0068).
/// </summary>
internal static class GetMyAccess
{
    public const string Path = "/api/people/me/access";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet(Path["/api".Length..], () => TypedResults.NoContent())
            .WithName("ExpertiseGetMyAccess")
            .WithSummary("204 while you may use the hub; 401 once the organisation's directory deactivated you.");
}
