using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Scim;

internal static class DeleteScimUser
{
    public static void Map(IEndpointRouteBuilder scim) =>
        scim.MapDelete("/Users/{id}", HandleAsync)
            .WithName(nameof(DeleteScimUser))
            .WithSummary("SCIM: deprovision a person (deactivated, their contributions kept); the User answers 404 from then on.");

    private static async Task<IResult> HandleAsync(string id, ScimUsers users, CancellationToken cancellationToken)
    {
        await users.DeleteAsync(ScimEndpoints.UserId(id), cancellationToken);
        return ScimResult.NoContent();
    }
}
