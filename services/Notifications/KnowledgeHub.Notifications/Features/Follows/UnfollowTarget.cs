using System.Security.Claims;
using KnowledgeHub.Notifications.Features.Directory;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Follows;

internal static class UnfollowTarget
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/follows/{kind}/{id}", HandleAsync)
            .WithName(nameof(UnfollowTarget))
            .WithSummary("Stop following; unfollowing what you do not follow changes nothing.");

    private static async Task<Results<NoContent, ValidationProblem>> HandleAsync(
        string kind, string id, ClaimsPrincipal user, NotificationsDatabase database, CancellationToken cancellationToken)
    {
        if (!FollowTargets.Kinds.Contains(kind))
        {
            return new Validation().RequireOneOf(kind, "kind", FollowTargets.Kinds).ToProblem();
        }

        var target = kind == "tag" ? Tags.Normalize(id) : Guid.TryParse(id, out var guid) ? guid.ToString() : id;
        await using var session = await database.OpenSessionAsync(cancellationToken);
        await session.ExecuteAsync(
            "DELETE FROM follows WHERE person_id = @Me AND target_key = @Key", new { Me = user.PersonId(), Key = $"{kind}:{target}" });
        return TypedResults.NoContent();
    }
}
