using System.Security.Claims;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Follows;

internal static class ListFollows
{
    internal sealed record FollowResponse(string Kind, string Id, string Label);

    internal sealed record Response(IReadOnlyList<FollowResponse> Items);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/follows", HandleAsync)
            .WithName(nameof(ListFollows))
            .WithSummary("What you follow, with a label for each (a community's or project's name, a person's display name, an objective's title, a tag).");

    private static async Task<Ok<Response>> HandleAsync(ClaimsPrincipal user, NotificationsDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var follows = await session.QueryAsync<Row>(
            """
            SELECT f.kind AS Kind, f.target_id AS Id,
                   COALESCE(c.name, p.display_name, pr.name, o.title, f.target_id) AS Label
            FROM follows f
            LEFT JOIN communities c ON f.kind = 'community' AND c.id = f.target_ref
            LEFT JOIN people p ON f.kind = 'person' AND p.id = f.target_ref
            LEFT JOIN projects pr ON f.kind = 'project' AND pr.id = f.target_ref
            LEFT JOIN objectives o ON f.kind = 'objective' AND o.id = f.target_ref
            WHERE f.person_id = @Me
            ORDER BY f.created_at, f.target_key
            """,
            new { Me = user.PersonId() });
        return TypedResults.Ok(new Response(follows.Select(row => new FollowResponse(row.Kind, row.Id, row.Label)).ToList()));
    }

    private sealed class Row
    {
        public required string Kind { get; init; }

        public required string Id { get; init; }

        public required string Label { get; init; }
    }
}
