using System.Security.Claims;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

internal static class GetMe
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/me", HandleAsync)
            .WithName(nameof(GetMe))
            .WithSummary("Your own profile; the first call creates it from your sign-in.");

    private static async Task<Ok<PersonResponse>> HandleAsync(
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        Provisioning provisioning,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        await provisioning.EnsureAsync(work, user);
        var person = (await PersonReader.ReadOneAsync(work, user.PersonId()))!;
        await work.CommitAsync();
        ETags.Set(response, person.Version);
        return TypedResults.Ok(person);
    }
}
