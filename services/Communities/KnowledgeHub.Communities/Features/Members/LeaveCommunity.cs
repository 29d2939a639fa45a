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

internal static class LeaveCommunity
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/communities/{id:guid}/members/me", HandleAsync)
            .WithName(nameof(LeaveCommunity))
            .WithSummary("Leave a community, or withdraw a request to join it. The last lead cannot leave; leaving twice changes nothing.");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
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

        if (Membership.IsOutside(access.Status))
        {
            return TypedResults.NoContent();
        }

        var refused = await EndMembership.RunAsync(work, outbox, time, id, me, access.IsLead, Membership.Left, "leave");
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.NoContent();
    }
}
