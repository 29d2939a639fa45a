using System.Security.Claims;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Posts;

internal static class DeletePost
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/posts/{id:guid}", HandleAsync)
            .WithName(nameof(DeletePost))
            .WithSummary("Delete a post with its answers and reactions. The author or a lead; If-Match, when sent, must be current.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        AuditTrail<CommunitiesDatabase> audit,
        TimeProvider time,
        HttpRequest httpRequest,
        CancellationToken cancellationToken)
    {
        var ifMatch = new Validation().IfMatch(httpRequest, out var expectedVersion);
        if (!ifMatch.IsValid)
        {
            return ifMatch.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var (target, refusal) = await PostTarget.LockForAuthorOrLeadAsync(work, id, me, "delete");
        if (target is null)
        {
            return refusal!;
        }

        if (expectedVersion is not null && expectedVersion != target.Post.Version)
        {
            return Problems.PreconditionFailed();
        }

        // Answers, tags, reactions and suggestions go with it (ON DELETE CASCADE).
        await work.ExecuteAsync(
            "DELETE FROM posts WHERE id = @PostId", new { PostId = id });
        var post = target.Post;
        // The removal is the post's next version, so it outranks every earlier event about it.
        await outbox.EnqueueAsync(
            work, new PostRemoved(post.Id, post.CommunityId, post.AuthorId, post.Version + 1, time.UtcNowForDatabase()));
        await target.AuditModerationAsync(work, audit, user, "post.deleted-by-lead");
        await work.CommitAsync();
        return TypedResults.NoContent();
    }
}
