using System.Security.Claims;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Alignment.Features.Projects;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Alignments;

internal static class AlignProject
{
    public static readonly string[] Contributions = ["low", "medium", "high"];

    internal sealed record AlignmentRequest(string? Contribution, string? Rationale);

    internal sealed record AlignmentResponse(
        Guid ProjectId,
        Guid ObjectiveId,
        string ObjectiveTitle,
        string Department,
        string Period,
        string Contribution,
        string Rationale,
        Guid LinkedBy,
        DateTimeOffset LinkedAt,
        DateTimeOffset UpdatedAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/projects/{id:guid}/alignments/{objectiveId:guid}", HandleAsync)
            .WithName(nameof(AlignProject))
            .WithSummary("Say that a project serves an objective, how much and why (the project's leads, executives and admins).");

    private static async Task<Results<Ok<AlignmentResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid objectiveId,
        AlignmentRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        AuditTrail<AlignmentDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .RequireOneOf(request.Contribution, "contribution", Contributions)
            .RequireText(request.Rationale, "rationale", 2000);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        if (await ProjectAccess.RequireEditorAsync(work, id, user) is { } denied)
        {
            return denied;
        }

        var objective = await work.QueryOneAsync<ObjectiveRow>(
            "SELECT title AS Title, department AS Department, period AS Period FROM objectives WHERE id = @ObjectiveId",
            new { ObjectiveId = objectiveId });
        if (objective is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The objective was not found.",
                detail: $"There is no objective {objectiveId}; a project can only serve an existing objective (GET /api/objectives).");
        }

        var rationale = request.Rationale!.Trim();
        var link = await work.QuerySingleAsync<LinkRow>(
            """
            INSERT INTO project_objectives (project_id, objective_id, contribution, rationale, linked_by, linked_at, updated_at)
            VALUES (@Id, @ObjectiveId, @Contribution, @Rationale, @Me, @Now, @Now)
            ON CONFLICT (project_id, objective_id) DO UPDATE
                SET contribution = excluded.contribution, rationale = excluded.rationale, updated_at = excluded.updated_at
            RETURNING linked_by AS LinkedBy, linked_at AS LinkedAt, updated_at AS UpdatedAt
            """,
            new { Id = id, ObjectiveId = objectiveId, request.Contribution, Rationale = rationale, Me = user.PersonId(), Now = time.UtcNowForDatabase() });
        await ChangeLog.TrackProjectAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        await ProjectEvents.PublishChangedAsync(work, outbox, id);
        await audit.RecordAsync(work, user, "project.aligned", $"project:{id}", ("objective", objectiveId), ("contribution", request.Contribution));
        await work.CommitAsync();
        return TypedResults.Ok(new AlignmentResponse(
            id, objectiveId, objective.Title, objective.Department, objective.Period, request.Contribution!, rationale, link.LinkedBy, link.LinkedAt, link.UpdatedAt));
    }

    private sealed class ObjectiveRow
    {
        public required string Title { get; init; }

        public required string Department { get; init; }

        public required string Period { get; init; }
    }

    private sealed class LinkRow
    {
        public Guid LinkedBy { get; init; }

        public DateTimeOffset LinkedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
