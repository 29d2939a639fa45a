using System.Security.Claims;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Alignment.Features.Projects;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Members;

internal static class RemoveMember
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/projects/{id:guid}/members/{personId:guid}", HandleAsync)
            .WithName(nameof(RemoveMember))
            .WithSummary("Take a person off a project (the project's leads, executives and admins; anyone may leave on their own).");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid personId,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        AuditTrail<AlignmentDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var lead = await ProjectLead.FindAsync(work, id);
        if (lead is null)
        {
            return Problems.NotFound("The project");
        }

        if (personId != user.PersonId() && await ProjectAccess.RequireEditorAsync(work, id, user) is { } denied)
        {
            return denied;
        }

        if (personId == lead)
        {
            return ProjectLead.MustStay();
        }

        var removed = await work.ExecuteAsync(
            "DELETE FROM project_members WHERE project_id = @Id AND person_id = @PersonId",
            new { Id = id, PersonId = personId });
        if (removed == 0)
        {
            return Problems.NotFound("The member");
        }

        await outbox.EnqueueAsync(work, new ProjectMemberRemoved(id, personId, time.UtcNowForDatabase()));
        await ChangeLog.TrackProjectAsync(work, id, user.PersonId(), time.UtcNowForDatabase());
        // Leaving on one's own is the person's own business; taking someone else off is a lead's action.
        if (personId != user.PersonId())
        {
            await audit.RecordAsync(work, user, "project.member.removed", AuditTrail<AlignmentDatabase>.Person(personId), ("project", id));
        }

        await work.CommitAsync();
        return TypedResults.NoContent();
    }
}
