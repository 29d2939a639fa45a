using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Objectives;

internal static class GetObjective
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/objectives/{id:guid}", HandleAsync)
            .WithName(nameof(GetObjective))
            .WithSummary("One objective with its key results (and their history) and the projects serving it.");

    private static async Task<Results<Ok<ObjectiveResponse>, ProblemHttpResult>> HandleAsync(
        Guid id,
        AlignmentDatabase database,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var objective = await ObjectiveReader.ReadOneAsync(session, id);
        if (objective is null)
        {
            return Problems.NotFound("The objective");
        }

        ETags.Set(response, objective.Version);
        return TypedResults.Ok(objective);
    }
}
