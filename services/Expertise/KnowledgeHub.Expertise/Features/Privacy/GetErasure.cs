using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Privacy;

/// <summary>
/// How far an erasure got, service by service. Answered to anyone who has its id: the person it
/// erased can no longer sign in to ask, the id is random and unguessable, and the answer names no one.
/// </summary>
internal static class GetErasure
{
    public const string Root = "/api/erasures";

    internal sealed record ServiceStatus(string Name, string Status, DateTimeOffset? ErasedAt);

    internal sealed record Response(Guid Id, string Status, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, IReadOnlyList<ServiceStatus> Services);

    public static string PathOf(Guid id) => $"{Root}/{id}";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/erasures/{id:guid}", HandleAsync)
            .AllowAnonymous()
            .WithName("ExpertiseGetErasure")
            .WithSummary("An erasure's progress: running or completed, and each service's part.");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(Guid id, ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var erasure = await session.QueryOneAsync<ErasureRow>(
            "SELECT requested_at AS RequestedAt, completed_at AS CompletedAt FROM erasures WHERE id = @Id", new { Id = id });
        if (erasure is null)
        {
            return Problems.NotFound("The erasure");
        }

        var erased = (await session.QueryAsync<ServiceRow>(
                "SELECT service AS Service, erased_at AS ErasedAt FROM erasure_services WHERE erasure_id = @Id", new { Id = id }))
            .ToDictionary(row => row.Service, row => row.ErasedAt);
        var services = ErasingServices.All
            .Select(name => erased.TryGetValue(name, out var at) ? new ServiceStatus(name, "completed", at) : new ServiceStatus(name, "running", null))
            .ToList();
        return TypedResults.Ok(new Response(id, erasure.CompletedAt is null ? "running" : "completed", erasure.RequestedAt, erasure.CompletedAt, services));
    }

    private sealed class ErasureRow
    {
        public DateTimeOffset RequestedAt { get; init; }

        public DateTimeOffset? CompletedAt { get; init; }
    }

    private sealed class ServiceRow
    {
        public required string Service { get; init; }

        public DateTimeOffset ErasedAt { get; init; }
    }
}
