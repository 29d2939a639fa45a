using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

internal static class GetPerson
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/{id:guid}", HandleAsync)
            .WithName(nameof(GetPerson))
            .WithSummary("A person's profile with skills and endorsement counts.");

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> HandleAsync(
        Guid id,
        ExpertiseDatabase database,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        // A person the organisation's directory deactivated has left the directory (ADR 0068).
        var found = await PersonReader.ReadAsync(session, "WHERE p.id = @Id AND p.deactivated_at IS NULL", new { Id = id });
        if (found is not [var person])
        {
            return Problems.NotFound("The person");
        }

        ETags.Set(response, person.Version);
        return TypedResults.Ok(person);
    }
}
