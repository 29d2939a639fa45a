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

internal static class RemoveAlignment
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/projects/{id:guid}/alignments/{objectiveId:guid}", HandleAsync)
            .WithName(nameof(RemoveAlignment))
            .WithSummary("Say that a project no longer serves an objective (the project's leads, executives and admins).");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid objectiveId,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        AuditTrail<AlignmentDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        if (await ProjectAccess.RequireEditorAsync(work, id, user) is { } denied)
        {
            return denied;
        }

        var removed = await work.ExecuteAsync(
            "DELETE FROM project_objectives WHERE project_id = @Id AND objective_id = @ObjectiveId",
            new { Id = id, ObjectiveId = objectiveId });
        if (removed == 0)
        {
            return Problems.NotFound("The alignment");
        }

        await ChangeLog.TrackProjectAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        await ProjectEvents.PublishChangedAsync(work, outbox, id);
        await audit.RecordAsync(work, user, "project.alignment.removed", $"project:{id}", ("objective", objectiveId));
        await work.CommitAsync();
        return TypedResults.NoContent();
    }
}
