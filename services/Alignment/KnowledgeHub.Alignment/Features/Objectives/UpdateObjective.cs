using System.Security.Claims;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Alignment.Features.Departments;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Objectives;

internal static class UpdateObjective
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/objectives/{id:guid}", HandleAsync)
            .RequireAuthorization(Policies.Executive)
            .WithName(nameof(UpdateObjective))
            .WithSummary("Replace an objective and its key results (executives and admins). Key results carry their id to be kept; "
                + "those left out are removed, those without an id added. Send If-Match with the ETag you read.");

    private static async Task<Results<Ok<ObjectiveResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        ObjectiveRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        AuditTrail<AlignmentDatabase> audit,
        TimeProvider time,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var input = ObjectiveRules.Validate(request, editing: true, validation);
        validation.IfMatch(httpRequest, out var expectedVersion);

        if (input is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var me = user.PersonId();
        var now = time.UtcNowForDatabase();
        // Writing the objective's row first locks it, so its key results cannot change until this commits.
        var sql = """
            UPDATE objectives SET title = @Title, description = @Description, department = @Department, period = @Period,
                priority = @Priority, version = version + 1, updated_at = @Now
            WHERE id = @Id
            """;
        var updated = await work.ExecuteAsync(
            sql + Concurrency.VersionCondition(expectedVersion),
            new { Id = id, input.Title, input.Description, input.Department, input.Period, input.Priority, Now = now, ExpectedVersion = expectedVersion });
        if (updated == 0)
        {
            return await ObjectiveExistsAsync(work, id) ? Problems.PreconditionFailed() : Problems.NotFound("The objective");
        }

        await KnownDepartments.CheckAsync(work, validation, "department", [input.Department]);
        // Owners left out of an edit stay as they were; the objective's own department always owns it.
        var departments = input.DepartmentsOwning(await work.QueryAsync<string>("SELECT department FROM objective_departments WHERE objective_id = @Id", new { Id = id }));
        await KnownDepartments.CheckAsync(work, validation, "ownerDepartments", departments.Skip(1).ToList());
        var existing = (await work.QueryAsync<KeyResultState>(
            $"SELECT id AS Id, {database.Dialect.Decimal("current_value")} AS CurrentValue FROM key_results WHERE objective_id = @Id",
            new { Id = id })).ToDictionary(keyResult => keyResult.Id, keyResult => keyResult.CurrentValue);
        for (var index = 0; index < input.KeyResults.Count; index++)
        {
            if (input.KeyResults[index].Id is { } keyResultId && !existing.ContainsKey(keyResultId))
            {
                validation.Add($"keyResults[{index}].id", $"The objective has no key result {keyResultId}; leave 'id' out to add one.");
            }
        }

        await ObjectiveOwners.CheckKnownAsync(work, validation, input, me, time);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await ObjectiveOwners.SetAsync(work, id, input.Owners, departments);
        await ReplaceKeyResultsAsync(work, id, input.KeyResults, existing, me, now);
        var objective = await ObjectiveEvents.PublishChangedAsync(work, outbox, id);
        await ChangeLog.TrackObjectiveAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        await audit.RecordAsync(work, user, "objective.updated", $"objective:{id}");
        await work.CommitAsync();

        ETags.Set(response, objective.Version);
        return TypedResults.Ok(objective);
    }

    private static async Task ReplaceKeyResultsAsync(
        UnitOfWork work,
        Guid objectiveId,
        IReadOnlyList<KeyResultInput> keyResults,
        IReadOnlyDictionary<Guid, decimal> existing,
        Guid me,
        DateTimeOffset now)
    {
        var kept = keyResults.Where(keyResult => keyResult.Id is not null).Select(keyResult => keyResult.Id!.Value).ToHashSet();
        await work.ExecuteAsync(
            "DELETE FROM key_results WHERE id = @Id",
            existing.Keys.Where(keyResultId => !kept.Contains(keyResultId)).Select(keyResultId => new { Id = keyResultId }));

        for (var position = 0; position < keyResults.Count; position++)
        {
            var keyResult = keyResults[position];
            if (keyResult.Id is not { } keyResultId)
            {
                await KeyResults.AddAsync(work, objectiveId, position, keyResult, me, now);
                continue;
            }

            await work.ExecuteAsync(
                """
                UPDATE key_results SET position = @Position, title = @Title, baseline = @Baseline, target = @Target, unit = @Unit, updated_at = @Now
                WHERE id = @Id
                """,
                new { Id = keyResultId, Position = position, keyResult.Title, keyResult.Baseline, keyResult.Target, keyResult.Unit, Now = now });
            await ObjectiveOwners.SetKeyResultAsync(work, keyResultId, keyResult.Owners);
            // A new current value sent with an edit is a check-in like any other, so the history stays complete.
            if (keyResult.Current is { } value && value != existing[keyResultId])
            {
                await KeyResults.CheckInAsync(work, keyResultId, value, me, now);
            }
        }
    }

    private static Task<bool> ObjectiveExistsAsync(UnitOfWork work, Guid id) =>
        work.ScalarAsync<bool>(
            "SELECT count(*) > 0 FROM objectives WHERE id = @Id", new { Id = id });

    private sealed class KeyResultState
    {
        public Guid Id { get; init; }

        public decimal CurrentValue { get; init; }
    }
}
