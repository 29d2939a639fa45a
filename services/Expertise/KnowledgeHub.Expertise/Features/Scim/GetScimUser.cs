using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class GetScimUser
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapGet("/Users/{id}", HandleAsync)
            .WithName(nameof(GetScimUser))
            .WithSummary("SCIM: a person as a User, active or not; 404 once deleted.");

    private static async Task<IResult> HandleAsync(string id, HttpRequest request, ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var user = await ScimUsers.FindAsync(session, ScimEndpoints.UserId(id)) ?? throw ScimException.NotFound("The user");
        return ScimResult.Ok(user.ToResource(new ScimLocations(request)));
    }
}
