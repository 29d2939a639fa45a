using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class DeleteScimGroup
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapDelete("/Groups/{id}", HandleAsync)
            .WithName(nameof(DeleteScimGroup))
            .WithSummary("SCIM: refused (400 mutability): the hub never removes a department; remove its members instead.");

    private static async Task<IResult> HandleAsync(string id, ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        _ = await ScimGroups.FindAsync(session, id) ?? throw ScimException.NotFound("The group");
        throw ScimException.Mutability("Departments are never removed from the hub (their history stays); remove the group's members instead.");
    }
}
