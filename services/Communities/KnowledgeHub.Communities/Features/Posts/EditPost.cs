using System.Security.Claims;
using Dapper;
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

internal static class EditPost
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/posts/{id:guid}", HandleAsync)
            .WithName(nameof(EditPost))
            .WithSummary("Replace a post's title, body, tags and details (its type stays). The author or a lead; send If-Match with the ETag you read.");

    private static async Task<Results<Ok<PostResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        PostRules.Content request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        AuditTrail<CommunitiesDatabase> audit,
        TimeProvider time,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var ifMatch = new Validation().IfMatch(httpRequest, out var expectedVersion);
        if (!ifMatch.IsValid)
        {
            return ifMatch.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var (target, refusal) = await PostTarget.LockForAuthorOrLeadAsync(work, id, me, "edit");
        if (target is null)
        {
            return refusal!;
        }

        var validation = PostRules.Validate(request, target.Post.Type, out var tags);
        validation.Require(request.Type is null || request.Type == target.Post.Type, "type", $"A post's type cannot change; this one is a {target.Post.Type}.");
        var bodyHtml = await SafeMarkdown.RenderAsync(request.Body, "body", validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (expectedVersion is not null && expectedVersion != target.Post.Version)
        {
            return Problems.PreconditionFailed();
        }

        var parameters = new DynamicParameters(PostRules.Columns(request, bodyHtml!));
        parameters.AddDynamicParams(new { PostId = id, Now = time.UtcNowForDatabase() });
        await work.ExecuteAsync(
            """
            UPDATE posts
            SET title = @Title, body = @Body, body_html = @BodyHtml, starts_at = @StartsAt, ends_at = @EndsAt,
                location = @Location, url = @Url, version = version + 1, updated_at = @Now
            WHERE id = @PostId
            """,
            parameters);
        await TagTable.Posts.ReplaceAsync(work, id, tags);

        var post = (await PostReader.ReadOneAsync(work, id))!;
        await outbox.EnqueueAsync(work, PostEvents.Updated(post, target.Access.Visibility));
        await target.AuditModerationAsync(work, audit, user, "post.edited-by-lead");
        await work.CommitAsync();

        ETags.Set(response, post.Version);
        return TypedResults.Ok(post);
    }
}
