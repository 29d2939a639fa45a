using KnowledgeHub.Search.Reindex;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Search.Features.Reindex;

internal static class GetReindexStatus
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/search/reindex", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(GetReindexStatus))
            .WithSummary("The latest rebuild's progress, as every instance reads it from the database: state (idle, running, completed, failed), documents done of the total the services announced, per service.");

    private static async Task<Ok<ReindexStatus>> HandleAsync(ReindexCoordinator coordinator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await coordinator.StatusAsync(cancellationToken));
}
