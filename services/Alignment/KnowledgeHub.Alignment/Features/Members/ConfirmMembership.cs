using System.Security.Claims;
using KnowledgeHub.Alignment.Features.Changes;
using KnowledgeHub.Alignment.Features.Projects;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Members;

/// <summary>
/// A person confirms a membership someone else gave them: only now does it count as evidence of their
/// expertise (ADR 0047). Confirming again changes nothing; declining is leaving (DELETE …/members/{me}).
/// </summary>
internal static class ConfirmMembership
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/projects/{id:guid}/members/me/confirmation", HandleAsync)
            .WithName(nameof(ConfirmMembership))
            .WithSummary("Confirm your membership of a project that someone else assigned you to; only then does it show as evidence on your expert record.");

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var now = time.UtcNowForDatabase();
        var confirmed = await work.ExecuteAsync(
            "UPDATE project_members SET confirmed_at = @Now WHERE project_id = @Id AND person_id = @Me AND confirmed_at IS NULL",
            new { Id = id, Me = me, Now = now });
        var project = await ProjectReader.ReadDetailAsync(work, id);
        var member = project?.Members!.SingleOrDefault(candidate => candidate.PersonId == me);
        if (project is null || member is null)
        {
            return Problems.NotFound("Your membership of this project");
        }

        if (confirmed > 0)
        {
            await outbox.EnqueueAsync(work, ProjectEvents.MemberAssigned(project, member));
            await ChangeLog.TrackProjectAsync(work, id, me, now);
        }

        await work.CommitAsync();
        return TypedResults.Ok(member);
    }
}
