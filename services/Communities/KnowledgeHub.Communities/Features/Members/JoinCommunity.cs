using System.Security.Claims;
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

internal static class JoinCommunity
{
    internal sealed record Response(string Status);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/communities/{id:guid}/members", HandleAsync)
            .WithName(nameof(JoinCommunity))
            .WithSummary("Join an open community, or ask to join a closed one (a lead approves). Joining twice changes nothing.");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var access = await CommunityAccess.LockAsync(work, id, me);
        if (access is null)
        {
            return Problems.NotFound("The community");
        }

        if (access.Status is Membership.Active or Membership.Pending)
        {
            return TypedResults.Ok(Answer(access.Status));
        }

        // A member a lead removed comes back only when a lead approves again, even to an open community.
        var status = access.Visibility == CommunityVisibility.Closed || access.Status == Membership.Removed ? Membership.Pending : Membership.Active;
        var now = time.UtcNowForDatabase();
        long version = 1;
        if (access.Status is not null)
        {
            // Rejoining continues the membership's versions, so no consumer takes it for an old event.
            version = (await Membership.ChangeAsync(work, id, me, Membership.Member, status, now))!.Value;
        }
        else
        {
            await work.ExecuteAsync(
                """
                INSERT INTO memberships (community_id, person_id, role, status, version, joined_at)
                VALUES (@Id, @Me, 'member', @Status, 1, @Now)
                """,
                new { Id = id, Me = me, Status = status, Now = now });
        }

        await People.RememberCallerAsync(work, user);
        await outbox.EnqueueAsync(work, new CommunityMembershipChanged(id, me, Membership.Member, status, version, now));
        if (status == Membership.Pending)
        {
            await JoinRequests.AnnounceRequestAsync(work, outbox, id, me, user.DisplayName(), version, now);
        }

        await work.CommitAsync();
        return TypedResults.Ok(Answer(status));
    }

    private static Response Answer(string status) => new(status == Membership.Active ? Membership.Member : Membership.Pending);
}
