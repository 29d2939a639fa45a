using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Projects;

internal static class GetProject
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/projects/{id:guid}", HandleAsync)
            .WithName(nameof(GetProject))
            .WithSummary("One project with its members and the objectives it serves.");

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> HandleAsync(
        Guid id,
        AlignmentDatabase database,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var project = await ProjectReader.ReadDetailAsync(session, id);
        if (project is null)
        {
            return Problems.NotFound("The project");
        }

        ETags.Set(response, project.Version);
        return TypedResults.Ok(project);
    }
}
