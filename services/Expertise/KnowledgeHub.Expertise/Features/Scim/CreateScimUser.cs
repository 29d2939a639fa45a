using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class CreateScimUser
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapPost("/Users", HandleAsync)
            .WithName(nameof(CreateScimUser))
            .WithSummary("SCIM: provision a person (userName is their e-mail); 409 uniqueness when they exist.");

    private static async Task<IResult> HandleAsync(HttpRequest request, ScimUsers users, CancellationToken cancellationToken)
    {
        var body = await ScimJson.ReadAsync(request, ScimSchemas.User, ScimSchemas.EnterpriseUser);
        var user = await users.CreateAsync(ScimUserFields.FromBody(body), cancellationToken);
        return ScimResult.Created(user.ToResource(new ScimLocations(request)));
    }
}
