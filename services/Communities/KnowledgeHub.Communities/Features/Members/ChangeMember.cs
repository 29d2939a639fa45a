using System.Security.Claims;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Members;

internal static class ChangeMember
{
    /// <param name="Status">
    /// <c>active</c> approves a request to join, <c>rejected</c> declines it; leaving is the member's own
    /// DELETE, removing a member the lead's DELETE on this route.
    /// </param>
    internal sealed record Request(string? Role, string? Status);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/communities/{id:guid}/members/{personId:guid}", HandleAsync)
            .WithName(nameof(ChangeMember))
            .WithSummary("A lead approves (status 'active') or declines (status 'rejected') a pending request to join, or makes a member a lead or a lead a member again.");

    private static async Task<Results<Ok<ListMembers.MemberResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid personId,
        Request request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        AuditTrail<CommunitiesDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var rejecting = request.Status == Membership.Rejected;
        var validation = new Validation();
        if (!rejecting)
        {
            validation.RequireOneOf(request.Role, "role", Membership.Roles);
        }

        validation.Require(
            request.Status is null or Membership.Active or Membership.Rejected,
            "status",
            "'status' is 'active' (approving a request to join) or 'rejected' (declining it).");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var access = await CommunityAccess.LockAsync(work, id, me);
        if (access is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        if (!access.IsLead)
        {
            return Problems.Forbidden("Only a lead of the community can approve members and change their roles.");
        }

        var target = await Membership.FindAsync(work, id, personId);
        if (target is null || Membership.IsOutside(target.Status))
        {
            return Problems.NotFound("The member");
        }

        if (rejecting)
        {
            return await DeclineAsync(work, id, personId, me, target, outbox, audit, time);
        }

        var role = request.Role!;
        if (target.Role != role || !target.IsActive)
        {
            if (target.IsActiveLead && role == Membership.Member && await Membership.OtherActiveLeadsAsync(work, id, personId) == 0)
            {
                return LastLead.CannotStepDown("step down");
            }

            var now = time.UtcNowForDatabase();
            // Approval is when a pending applicant really joins.
            var version = await Membership.ChangeAsync(work, id, personId, role, Membership.Active, target.IsActive ? null : now);
            await outbox.EnqueueAsync(work, new CommunityMembershipChanged(id, personId, role, Membership.Active, version!.Value, now));
            await audit.RecordAsync(
                work, user, target.Status == Membership.Pending ? "community.request.approved" : "community.member.role-changed", AuditTrail<CommunitiesDatabase>.Person(personId), ("community", id), ("role", role));
            if (target.Status == Membership.Pending)
            {
                await JoinRequests.AnnounceDecisionAsync(work, outbox, id, personId, approved: true, me, version.Value, now);
            }
        }

        var member = await ListMembers.FindAsync(work, id, personId);
        await work.CommitAsync();
        return TypedResults.Ok(member!.ToResponse());
    }

    /// <summary>Declines a pending request to join; a member already in is removed with DELETE instead.</summary>
    private static async Task<Results<Ok<ListMembers.MemberResponse>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        UnitOfWork work, Guid id, Guid personId, Guid decidedBy, Membership target, Outbox<CommunitiesDatabase> outbox, AuditTrail<CommunitiesDatabase> audit, TimeProvider time)
    {
        if (target.Status != Membership.Pending)
        {
            return Problems.Conflict("Only a pending request to join can be declined; remove a member with DELETE instead.");
        }

        var now = time.UtcNowForDatabase();
        var version = await Membership.ChangeAsync(work, id, personId, Membership.Member, Membership.Rejected, null);
        await outbox.EnqueueAsync(
            work, new CommunityMembershipChanged(id, personId, Membership.Member, Membership.Announced(Membership.Rejected), version!.Value, now));
        await JoinRequests.AnnounceDecisionAsync(work, outbox, id, personId, approved: false, decidedBy, version.Value, now);
        await audit.RecordAsync(work, decidedBy.ToString(), "community.request.declined", AuditTrail<CommunitiesDatabase>.Person(personId), ("community", id));
        var member = await ListMembers.FindAsync(work, id, personId);
        await work.CommitAsync();
        return TypedResults.Ok(member!.ToResponse());
    }
}
