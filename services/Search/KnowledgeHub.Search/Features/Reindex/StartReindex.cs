using System.Security.Claims;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Search.Reindex;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Search.Features.Reindex;

internal static class StartReindex
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/search/reindex", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(StartReindex))
            .WithSummary("Rebuilds the index from the services' data in a new index beside the live one, then swaps. While one runs, on any instance, answers its status again.");

    /// <summary>The rebuild, its request to the services and its audit record commit together, or none of them.</summary>
    private static async Task<Accepted<ReindexStatus>> HandleAsync(
        ReindexCoordinator coordinator,
        SearchDatabase database,
        Outbox<SearchDatabase> outbox,
        ClaimsPrincipal user,
        AuditTrail<SearchDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using (var work = await database.BeginAsync(cancellationToken))
        {
            if (await coordinator.TryStartAsync(work) is { } reindexId)
            {
                await outbox.EnqueueAsync(work, new ReindexRequested(reindexId, time.GetUtcNow()));
                await audit.RecordAsync(work, user, "search.reindex.started", $"reindex:{reindexId}");
                await work.CommitAsync();
            }
        }

        return TypedResults.Accepted("/api/search/reindex", await coordinator.StatusAsync(cancellationToken));
    }
}
