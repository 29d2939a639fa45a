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

namespace KnowledgeHub.Alignment.Features.Members;

internal static class AssignMember
{
    /// <summary>
    /// The roles a project may give. A fixed list, not free text: the role shows on the person's
    /// expert record ("developer on project …"), and a colleague must not be able to write anything
    /// there (issue 24: "perpetrator on project …").
    /// </summary>
    public static readonly string[] Roles =
        [ProjectAccess.LeadRole, "member", "contributor", "developer", "engineer", "architect", "analyst", "designer", "tester", "manager", "sponsor", "advisor"];

    internal sealed record MemberRoleRequest(string? Role);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/projects/{id:guid}/members/{personId:guid}", HandleAsync)
            .WithName(nameof(AssignMember))
            .WithSummary("Assign a person the hub knows to a project, or change their role (the project's leads, executives and admins). Role 'lead' lets them edit the project. "
                + "A membership made for someone else stays unconfirmed (confirmedAt null), and no evidence of it, until they confirm it.");

    private static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid personId,
        MemberRoleRequest request,
        ClaimsPrincipal user,
        AlignmentDatabase database,
        Outbox<AlignmentDatabase> outbox,
        AuditTrail<AlignmentDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var role = request.Role?.Trim().ToLowerInvariant();
        var validation = new Validation()
            .Require(personId != Guid.Empty, "personId", "'personId' is a person's id.")
            .RequireOneOf(role, "role", Roles);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        if (await ProjectAccess.RequireEditorAsync(work, id, user) is { } denied)
        {
            return denied;
        }

        if (await ProjectLead.FindAsync(work, id) == personId && role != ProjectAccess.LeadRole)
        {
            return ProjectLead.MustStay();
        }

        // Only someone the hub knows may be named, and only the person themselves puts a membership on
        // their expert record: one made by someone else waits for their confirmation (ADR 0047).
        var self = personId == user.PersonId();
        if (!self && !await KnownPeople.ExistsAsync(work, personId))
        {
            return Problems.NotFound("The person");
        }

        // A repeated assignment with the same role changes nothing and announces nothing.
        var now = time.UtcNowForDatabase();
        var changed = await work.ExecuteAsync(
            """
            INSERT INTO project_members (project_id, person_id, role, assigned_at, confirmed_at) VALUES (@Id, @PersonId, @Role, @Now, @ConfirmedAt)
            ON CONFLICT (project_id, person_id) DO UPDATE
            SET role = excluded.role, assigned_at = excluded.assigned_at, confirmed_at = COALESCE(project_members.confirmed_at, excluded.confirmed_at)
            WHERE project_members.role <> excluded.role
            """,
            new { Id = id, PersonId = personId, Role = role, Now = now, ConfirmedAt = self ? now : (DateTimeOffset?)null });
        if (self)
        {
            await KnownPeople.RememberAsync(work, personId, time);
        }

        var project = (await ProjectReader.ReadDetailAsync(work, id))!;
        var member = project.Members!.Single(candidate => candidate.PersonId == personId);
        if (changed > 0 && member.ConfirmedAt is not null)
        {
            await outbox.EnqueueAsync(work, ProjectEvents.MemberAssigned(project, member));
        }

        await ChangeLog.TrackProjectAsync(work, id, user.PersonId(), time.UtcNowForDatabase());

        if (!self)
        {
            await audit.RecordAsync(work, user, "project.member.assigned", AuditTrail<AlignmentDatabase>.Person(personId), ("project", id), ("role", member.Role));
        }

        await work.CommitAsync();
        return TypedResults.Ok(member);
    }
}
