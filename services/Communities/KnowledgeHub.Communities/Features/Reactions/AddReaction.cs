using System.Security.Claims;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Reactions;

internal static class AddReaction
{
    internal sealed record Request(string? Kind);

    internal sealed record Response(Guid PostId, string Kind, int Reactions, bool Reacted);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/posts/{id:guid}/reactions", HandleAsync)
            .WithName(nameof(AddReaction))
            .WithSummary("Mark a post helpful. Once per person: doing it again changes nothing.");

    private static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, ClaimsPrincipal user, CommunitiesDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireOneOf(request.Kind, "kind", ReactionCounts.Kinds);
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

        var added = await work.ExecuteAsync(
            """
            INSERT INTO post_reactions (post_id, person_id, kind, created_at) VALUES (@PostId, @Me, @Kind, @Now)
            ON CONFLICT (post_id, person_id, kind) DO NOTHING
            """,
            new { PostId = id, Me = me, request.Kind, Now = time.UtcNowForDatabase() });
        var count = await ReactionCounts.MoveAsync(work, id, added);
        await work.CommitAsync();
        return TypedResults.Ok(new Response(id, request.Kind!, count, Reacted: true));
    }
}
