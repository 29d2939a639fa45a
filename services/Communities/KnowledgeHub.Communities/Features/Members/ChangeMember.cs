using System.Security.Claims;
using Dapper;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
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
    /// <param name="Status">Only <c>active</c>: approving a request to join; leaving is the member's own DELETE.</param>
    internal sealed record Request(string? Role, string? Status);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/communities/{id:guid}/members/{personId:guid}", HandleAsync)
            .WithName(nameof(ChangeMember))
            .WithSummary("A lead approves a pending request to join, or makes a member a lead or a lead a member again.");

    private static async Task<Results<Ok<ListMembers.MemberResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid personId,
        Request request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireOneOf(request.Role, "role", Membership.Roles);
        validation.Require(request.Status is null or Membership.Active, "status", "'status' can only be 'active' (approving a request to join).");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var access = await CommunityAccess.LockAsync(work, database.Dialect, id, me, cancellationToken);
        if (access is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        if (!access.IsLead)
        {
            return Problems.Forbidden("Only a lead of the community can approve members and change their roles.");
        }

        var target = await Membership.FindAsync(work, id, personId, cancellationToken);
        if (target is null || target.Status == Membership.Left)
        {
            return Problems.NotFound("The member");
        }

        var role = request.Role!;
        if (target.Role != role || !target.IsActive)
        {
            if (target.IsActiveLead && role == Membership.Member && await Membership.OtherActiveLeadsAsync(work, id, personId, cancellationToken) == 0)
            {
                return LastLead.CannotStepDown("step down");
            }

            var now = time.UtcNowForDatabase();
            // Approval is when a pending applicant really joins.
            var version = await Membership.ChangeAsync(work, id, personId, role, Membership.Active, target.IsActive ? null : now, cancellationToken);
            await outbox.EnqueueAsync(work, new CommunityMembershipChanged(id, personId, role, Membership.Active, version!.Value, now), cancellationToken);
        }

        var member = await work.Connection.QuerySingleAsync<ListMembers.MemberRow>(new CommandDefinition(
            $"{ListMembers.SelectMembers} WHERE m.community_id = @CommunityId AND m.person_id = @PersonId",
            new { CommunityId = id, PersonId = personId },
            work.Transaction,
            cancellationToken: cancellationToken));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(member.ToResponse());
    }
}
