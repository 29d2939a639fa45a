using System.Security.Claims;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Reactions;

internal static class RemoveReaction
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/posts/{id:guid}/reactions", HandleAsync)
            .WithName(nameof(RemoveReaction))
            .WithSummary("Take back your reaction (kind defaults to helpful). Taking back what you never gave changes nothing.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, string? kind, ClaimsPrincipal user, CommunitiesDatabase database, CancellationToken cancellationToken)
    {
        kind ??= ReactionCounts.Helpful;
        var validation = new Validation().RequireOneOf(kind, "kind", ReactionCounts.Kinds);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        if (await PostTarget.LockAsync(work, id, me) is null)
        {
            return Problems.NotFound("The post");
        }

        var removed = await work.ExecuteAsync(
            "DELETE FROM post_reactions WHERE post_id = @PostId AND person_id = @Me AND kind = @Kind",
            new { PostId = id, Me = me, Kind = kind });
        await ReactionCounts.MoveAsync(work, id, -removed);
        await work.CommitAsync();
        return TypedResults.NoContent();
    }
}
