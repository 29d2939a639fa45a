using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class ReplaceScimGroup
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapPut("/Groups/{id}", HandleAsync)
            .WithName(nameof(ReplaceScimGroup))
            .WithSummary("SCIM: rename a department and set its members; people no longer listed move to UNASSIGNED.");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, ExpertiseDatabase database, ScimGroups groups, CancellationToken cancellationToken)
    {
        var replacement = CreateScimGroup.StateOf(await ScimJson.ReadAsync(request, ScimSchemas.Group));
        await groups.UpdateAsync(id, _ => replacement, cancellationToken);
        return await GroupAsync(database, id, request, cancellationToken);
    }

    /// <summary>The Group as it is now, after a write.</summary>
    public static async Task<IResult> GroupAsync(ExpertiseDatabase database, string code, HttpRequest request, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var group = await ScimGroups.FindAsync(session, code);
        return ScimResult.Ok((await ScimGroups.ToResourcesAsync(session, [group!], ScimGroupView.Of(request)))[0]);
    }
}
