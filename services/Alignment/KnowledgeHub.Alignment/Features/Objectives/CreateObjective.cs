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

internal static class CreateObjective
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/objectives", HandleAsync)
            .RequireAuthorization(Policies.Executive)
            .WithName(nameof(CreateObjective))
            .WithSummary("Set a business objective for a department and period, with its key results (executives and admins). "
                + "owners (person ids, the creator unless given) and ownerDepartments (besides its department) own it jointly.");

    private static async Task<Results<Created<ObjectiveResponse>, ValidationProblem>> HandleAsync(
        ObjectiveRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        AuditTrail<AlignmentDatabase> audit,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var input = ObjectiveRules.Validate(request, editing: false, validation);
        if (input is null)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var departments = input.DepartmentsOwning([]);
        await KnownDepartments.CheckAsync(work, validation, "department", [input.Department]);
        await KnownDepartments.CheckAsync(work, validation, "ownerDepartments", departments.Skip(1).ToList());
        var me = user.PersonId();
        await ObjectiveOwners.CheckKnownAsync(work, validation, input, me, time);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var id = Guid.CreateVersion7();
        var now = time.UtcNowForDatabase();
        await work.ExecuteAsync(
            """
            INSERT INTO objectives (id, title, description, department, period, priority, created_by, version, created_at, updated_at)
            VALUES (@Id, @Title, @Description, @Department, @Period, @Priority, @Me, 1, @Now, @Now)
            """,
            new { Id = id, input.Title, input.Description, input.Department, input.Period, input.Priority, Me = me, Now = now });
        // Whoever sets an objective owns it unless they name its owners.
        await ObjectiveOwners.SetAsync(work, id, input.Owners ?? [me], departments);
        for (var position = 0; position < input.KeyResults.Count; position++)
        {
            await KeyResults.AddAsync(work, id, position, input.KeyResults[position], me, now);
        }

        var objective = await ObjectiveEvents.PublishChangedAsync(work, outbox, id);
        await ChangeLog.TrackObjectiveAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        await audit.RecordAsync(work, user, "objective.created", $"objective:{id}", ("department", input.Department), ("period", input.Period), ("keyResults", input.KeyResults.Count));
        await work.CommitAsync();

        ETags.Set(response, objective.Version);
        return TypedResults.Created($"/api/objectives/{id}", objective);
    }
}
