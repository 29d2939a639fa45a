using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class GetScimGroup
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapGet("/Groups/{id}", HandleAsync)
            .WithName(nameof(GetScimGroup))
            .WithSummary("SCIM: a department as a Group (id: its code) with its members.");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var group = await ScimGroups.FindAsync(session, id) ?? throw ScimException.NotFound("The group");
        return ScimResult.Ok((await ScimGroups.ToResourcesAsync(session, [group], ScimGroupView.Of(request)))[0]);
    }
}
