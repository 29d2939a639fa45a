using System.Security.Claims;
using Dapper;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Communities;

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
        var visibility = await work.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT visibility FROM communities WHERE id = @Id",
            new { Id = id },
            work.Transaction,
            cancellationToken: cancellationToken));
        if (visibility is null)
        {
            return Problems.NotFound("The community");
        }

        var existing = await Membership.FindAsync(work.Connection, id, me, cancellationToken, work.Transaction);
        if (existing is not null)
        {
            return TypedResults.Ok(new Response(existing.IsActive ? Membership.Member : Membership.Pending));
        }

        var status = visibility == "closed" ? Membership.Pending : Membership.Active;
        var now = time.UtcNowForDatabase();
        var inserted = await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO memberships (community_id, person_id, role, status, version, joined_at)
            VALUES (@Id, @Me, 'member', @Status, 1, @Now)
            ON CONFLICT (community_id, person_id) DO NOTHING
            """,
            new { Id = id, Me = me, Status = status, Now = now },
            work.Transaction,
            cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            // A concurrent request of the same person joined first; answer with what it decided.
            var raced = (await Membership.FindAsync(work.Connection, id, me, cancellationToken, work.Transaction))!;
            return TypedResults.Ok(new Response(raced.IsActive ? Membership.Member : Membership.Pending));
        }

        await People.RememberCallerAsync(work, user, cancellationToken);
        await outbox.EnqueueAsync(work, new CommunityMembershipChanged(id, me, Membership.Member, status, 1, now), cancellationToken);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(status == Membership.Active ? Membership.Member : Membership.Pending));
    }
}
