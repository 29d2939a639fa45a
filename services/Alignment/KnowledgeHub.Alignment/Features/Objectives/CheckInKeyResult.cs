using System.Security.Claims;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Objectives;

internal static class CheckInKeyResult
{
    internal sealed record CheckInRequest(decimal? Current);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/objectives/{id:guid}/key-results/{keyResultId:guid}", HandleAsync)
            .WithName(nameof(CheckInKeyResult))
            .WithSummary("Check in a key result's current value (the objective's or the key result's owners, executives and admins); its history keeps every value. "
                + "The answer's ETag is the objective's; If-Match is checked against it when sent.");

    private static async Task<Results<Ok<KeyResultResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid keyResultId,
        CheckInRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        TimeProvider time,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var value = ObjectiveRules.CheckValue(request.Current, "current", required: true, validation);
        validation.IfMatch(httpRequest, out var expectedVersion);

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        if (!user.IsExecutiveOrAdmin() && !await ObjectiveOwners.OwnsAsync(work, id, keyResultId, user.PersonId()))
        {
            return await KeyResultExistsAsync(work, id, keyResultId)
                ? Problems.Forbidden("Only the objective's or the key result's owners, executives and admins check in a key result.")
                : Problems.NotFound("The key result");
        }

        var now = time.UtcNowForDatabase();
        // The key result is part of the objective: a check-in is a new version of it, so a stale edit cannot undo it.
        var sql = """
            UPDATE objectives SET version = version + 1, updated_at = @Now
            WHERE id = @Id AND EXISTS (SELECT 1 FROM key_results k WHERE k.id = @KeyResultId AND k.objective_id = @Id)
            """;
        var updated = await work.ExecuteAsync(
            sql + Concurrency.VersionCondition(expectedVersion),
            new { Id = id, KeyResultId = keyResultId, Now = now, ExpectedVersion = expectedVersion });
        if (updated == 0)
        {
            return await KeyResultExistsAsync(work, id, keyResultId) ? Problems.PreconditionFailed() : Problems.NotFound("The key result");
        }

        await KeyResults.CheckInAsync(work, keyResultId, value!.Value, user.PersonId(), now);
        var objective = await ObjectiveEvents.PublishChangedAsync(work, outbox, id);
        await ChangeLog.TrackObjectiveAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        await work.CommitAsync();

        ETags.Set(response, objective.Version);
        return TypedResults.Ok(objective.KeyResults.Single(keyResult => keyResult.Id == keyResultId));
    }

    private static Task<bool> KeyResultExistsAsync(DbSession session, Guid id, Guid keyResultId) =>
        session.ScalarAsync<bool>("SELECT count(*) > 0 FROM key_results WHERE id = @KeyResultId AND objective_id = @Id", new { Id = id, KeyResultId = keyResultId });
}
