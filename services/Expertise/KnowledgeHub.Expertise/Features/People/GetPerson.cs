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
        var person = await PersonReader.ReadOneAsync(session, id);
        if (person is null)
        {
            return Problems.NotFound("The person");
        }

        ETags.Set(response, person.Version);
        return TypedResults.Ok(person);
    }
}
