using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class ReplaceScimUser
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapPut("/Users/{id}", HandleAsync)
            .WithName(nameof(ReplaceScimUser))
            .WithSummary("SCIM: replace a User's attributes; 'active: false' deactivates, true restores.");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, ScimUsers users, CancellationToken cancellationToken)
    {
        var body = await ScimJson.ReadAsync(request, ScimSchemas.User, ScimSchemas.EnterpriseUser);
        var replacement = ScimUserFields.FromBody(body);
        var user = await users.UpdateAsync(ScimEndpoints.UserId(id), _ => replacement, cancellationToken);
        return ScimResult.Ok(user.ToResource(new ScimLocations(request)));
    }
}
