using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Notifications.Features.Follows;

internal static class FollowTarget
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/follows/{kind}/{id}", HandleAsync)
            .WithName(nameof(FollowTarget))
            .WithSummary("Follow a community, person, tag (its name), project or objective; following twice changes nothing.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string kind, string id, ClaimsPrincipal user, NotificationsDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!FollowTargets.Kinds.Contains(kind))
        {
            return new Validation().RequireOneOf(kind, "kind", FollowTargets.Kinds).ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        if (await FollowTargets.FindAsync(work, kind, id, me) is not { } target)
        {
            return Problems.NotFound($"The {kind}");
        }

        await work.ExecuteAsync(
            """
            INSERT INTO follows (person_id, target_key, kind, target_id, target_ref, created_at) VALUES (@Me, @Key, @Kind, @Target, @Ref, @Now)
            ON CONFLICT (person_id, target_key) DO NOTHING
            """,
            new { Me = me, Key = $"{kind}:{target}", Kind = kind, Target = target, Ref = Guid.TryParse(target, out var targetId) ? targetId : (Guid?)null, Now = time.UtcNowForDatabase() });
        await work.CommitAsync();
        return TypedResults.NoContent();
    }
}
