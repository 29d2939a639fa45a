using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class CreateScimGroup
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapPost("/Groups", HandleAsync)
            .WithName(nameof(CreateScimGroup))
            .WithSummary("SCIM: create a department from a Group (its code made from displayName), moving its members into it.");

    private static async Task<IResult> HandleAsync(HttpRequest request, ExpertiseDatabase database, ScimGroups groups, CancellationToken cancellationToken)
    {
        var body = await ScimJson.ReadAsync(request, ScimSchemas.Group);
        var code = await groups.CreateAsync(StateOf(body), cancellationToken);
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var created = await ScimGroups.FindAsync(session, code);
        return ScimResult.Created((await ScimGroups.ToResourcesAsync(session, [created!], ScimGroupView.Of(request)))[0]);
    }

    /// <summary>A whole Group as POST and PUT send it.</summary>
    public static ScimGroupState StateOf(JsonObject body) =>
        new(
            ScimJson.Text(ScimJson.Get(body, "displayName"), "displayName"),
            ScimJson.Get(body, "members") is { } members ? ScimGroupState.Ids(ScimJson.MemberIds(members)) : new HashSet<Guid>());
}
