using System.Security.Claims;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Privacy;

/// <summary>
/// Starts erasing a person from every service (ADR 0072): the caller themselves, or anyone by an
/// admin. From this moment their tokens issued before it are refused everywhere; each service erases
/// what it holds and answers, and <c>GET /api/erasures/{id}</c> shows how far it got. A request that
/// is refused (an unknown person, an erasure already running) changes nothing and is audited.
/// </summary>
internal static class RequestErasure
{
    internal sealed record Response(Guid Id);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapDelete("/people/me", (ClaimsPrincipal user, ErasureRequests requests, CancellationToken cancellationToken) =>
                requests.StartAsync(user, user.PersonId(), requireProfile: false, cancellationToken))
            .WithName("ExpertiseEraseMe")
            .WithSummary("Erase everything the hub holds about you; your posts and answers stay, shown as by a former member. 202 with the erasure's Location.");
        api.MapDelete("/people/{id:guid}", (Guid id, ClaimsPrincipal user, ErasureRequests requests, CancellationToken cancellationToken) =>
                requests.StartAsync(user, id, requireProfile: true, cancellationToken))
            .RequireAuthorization(Policies.Admin)
            .WithName("ExpertiseErasePerson")
            .WithSummary("Erase a person from every service (admins). 202 with the erasure's Location; 404 for an unknown person; 409 while one runs.");
    }
}

internal sealed class ErasureRequests(ExpertiseDatabase database, Outbox<ExpertiseDatabase> outbox, AuditTrail<ExpertiseDatabase> audit, ExpertisePersonStatus status, TimeProvider time)
{
    public const string RequestedAction = "person.erasure.requested";
    public const string RefusedAction = "person.erasure.refused";

    public async Task<Results<Accepted<RequestErasure.Response>, ProblemHttpResult>> StartAsync(
        ClaimsPrincipal actor, Guid personId, bool requireProfile, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        // Before the profile: the directory's own part may already have removed it while the others still run.
        var running = await work.ScalarAsync<Guid?>(
            "SELECT id FROM erasures WHERE person_id = @PersonId AND completed_at IS NULL", new { PersonId = personId });
        if (running is { } runningId)
        {
            return await RefuseAsync(work, actor, personId, "erasure running",
                TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An erasure of this person is already running.", detail: GetErasure.PathOf(runningId)));
        }

        var version = await work.ScalarAsync<long?>("SELECT version FROM people WHERE id = @PersonId", new { PersonId = personId });
        if (version is null && requireProfile)
        {
            return await RefuseAsync(work, actor, personId, "unknown person", Problems.NotFound("The person"));
        }

        // Random, not time-ordered: the id is all it takes to read the erasure's progress.
        var erasure = new PersonErasureStarted(Guid.NewGuid(), personId, time.UtcNowForDatabase());
        await work.ExecuteAsync(
            """
            INSERT INTO erasures (id, person_id, person_version, requested_by, requested_at)
            VALUES (@ErasureId, @PersonId, @Version, @RequestedBy, @RequestedAt)
            """,
            new { erasure.ErasureId, erasure.PersonId, Version = version ?? 0, RequestedBy = actor.PersonId(), erasure.RequestedAt });
        await outbox.EnqueueAsync(work, erasure);
        await audit.RecordAsync(work, actor, RequestedAction, AuditTrail<ExpertiseDatabase>.Person(personId), ("erasure", erasure.ErasureId));
        work.AfterCommit(() => status.Forget(personId));
        await work.CommitAsync();
        return TypedResults.Accepted(GetErasure.PathOf(erasure.ErasureId), new RequestErasure.Response(erasure.ErasureId));
    }

    private async Task<ProblemHttpResult> RefuseAsync(UnitOfWork work, ClaimsPrincipal actor, Guid personId, string reason, ProblemHttpResult problem)
    {
        await audit.RecordAsync(work, actor, RefusedAction, AuditTrail<ExpertiseDatabase>.Person(personId), ("reason", reason));
        await work.CommitAsync();
        return problem;
    }
}
