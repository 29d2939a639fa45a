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
            .WithSummary("Rebuilds the index from the services' data in a new index beside the live one, then swaps. While one runs, answers its status again.");

    private static async Task<Accepted<ReindexStatus>> HandleAsync(
        ReindexCoordinator coordinator,
        SearchDatabase database,
        Outbox<SearchDatabase> outbox,
        ClaimsPrincipal user,
        AuditTrail<SearchDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (status, started) = await coordinator.StartAsync(cancellationToken);
        if (started)
        {
            try
            {
                await using var work = await database.BeginAsync(cancellationToken);
                await outbox.EnqueueAsync(work, new ReindexRequested(status.ReindexId!.Value, time.GetUtcNow()));
                await audit.RecordAsync(work, user, "search.reindex.started", $"reindex:{status.ReindexId}");
                await work.CommitAsync();
            }
            catch (Exception exception)
            {
                coordinator.Fail(status.ReindexId!.Value, $"The request to the services could not be queued: {exception.Message}");
                throw;
            }
        }

        return TypedResults.Accepted("/api/search/reindex", status);
    }
}
