using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class ListScimUsers
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapGet("/Users", HandleAsync)
            .WithName(nameof(ListScimUsers))
            .WithSummary("SCIM: Users by userName; filter 'userName eq \"...\"' or 'externalId eq \"...\"', startIndex and count.");

    private static async Task<IResult> HandleAsync(HttpRequest request, ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        var filter = ScimFilter.Parse(request.Query["filter"], "userName", "externalId");
        var page = ScimPage.Parse(request.Query["startIndex"], request.Query["count"]);
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var (total, users) = await ScimUsers.ListAsync(session, filter, page);
        var locations = new ScimLocations(request);
        return ScimResult.Ok(page.ToList(total, users.Select(user => user.ToResource(locations))));
    }
}
