using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class ListScimGroups
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapGet("/Groups", HandleAsync)
            .WithName(nameof(ListScimGroups))
            .WithSummary("SCIM: departments as Groups by code; filter 'displayName eq \"...\"', startIndex, count, excludedAttributes=members.");

    private static async Task<IResult> HandleAsync(HttpRequest request, ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        var filter = ScimFilter.Parse(request.Query["filter"], "displayName");
        var page = ScimPage.Parse(request.Query["startIndex"], request.Query["count"]);
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var (total, groups) = await ScimGroups.ListAsync(session, filter, page);
        return ScimResult.Ok(page.ToList(total, await ScimGroups.ToResourcesAsync(session, groups, ScimGroupView.Of(request))));
    }
}
