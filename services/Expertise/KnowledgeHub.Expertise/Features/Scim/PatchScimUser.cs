using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class PatchScimUser
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapPatch("/Users/{id}", HandleAsync)
            .WithName(nameof(PatchScimUser))
            .WithSummary("SCIM: add, replace or remove a User's attributes, all or none (the operations Entra ID and Okta send).");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, ScimUsers users, CancellationToken cancellationToken)
    {
        var operations = ScimOperation.Read(await ScimJson.ReadAsync(request, ScimSchemas.PatchOp));
        var user = await users.UpdateAsync(ScimEndpoints.UserId(id), current => ScimUserPatch.Apply(current, operations), cancellationToken);
        return ScimResult.Ok(user.ToResource(new ScimLocations(request)));
    }
}
