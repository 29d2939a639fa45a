using KnowledgeHub.Messaging.Audit;
using System.Security.Claims;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Members;

/// <summary>
/// A lead removes a member (or withdraws a pending request on the applicant's behalf). The membership
/// keeps a row with status <c>removed</c> and the member's posts stay; coming back needs a lead's approval.
/// </summary>
internal static class RemoveCommunityMember
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/communities/{id:guid}/members/{personId:guid}", HandleAsync)
            .WithName(nameof(RemoveCommunityMember))
            .WithSummary("A lead removes a member; their posts stay. The last lead cannot be removed; removing twice changes nothing.");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id,
        Guid personId,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        AuditTrail<CommunitiesDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var access = await CommunityAccess.LockAsync(work, id, user.PersonId());
        if (access is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        if (!access.IsLead)
        {
            return Problems.Forbidden("Only a lead of the community can remove members.");
        }

        var target = await Membership.FindAsync(work, id, personId);
        if (target is null)
        {
            return Problems.NotFound("The member");
        }

        if (Membership.IsOutside(target.Status))
        {
            return TypedResults.NoContent();
        }

        // Recorded first: the removal commits the transaction, or refuses it and the record rolls back with it.
        await audit.RecordAsync(work, user, "community.member.removed", AuditTrail<CommunitiesDatabase>.Person(personId), ("community", id), ("role", target.Role));
        var refused = await EndMembership.RunAsync(
            work, outbox, time, id, personId, target.IsActiveLead, Membership.Removed, "be removed");
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.NoContent();
    }
}
