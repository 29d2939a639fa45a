using System.Security.Claims;
using Dapper;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Posts;

internal static class PublishPost
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/communities/{id:guid}/posts", HandleAsync)
            .WithName(nameof(PublishPost))
            .WithSummary("Publish an article, question, event or resource in a community you are an active member of. The body is Markdown.");

    private static async Task<Results<Created<PostResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        PostRules.Content request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = PostRules.Validate(request, request.Type, out var tags);
        var bodyHtml = await SafeMarkdown.RenderAsync(request.Body, "body", validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var access = await CommunityAccess.LockForContentAsync(work, id, me);
        if (access is null)
        {
            return Problems.NotFound("The community");
        }

        if (!access.IsMember)
        {
            return Problems.Forbidden("Only active members of a community can post in it. Join it first.");
        }

        await People.RememberCallerAsync(work, user);
        var postId = Guid.CreateVersion7();
        var parameters = new DynamicParameters(PostRules.Columns(request, bodyHtml!));
        parameters.AddDynamicParams(new
        {
            PostId = postId,
            CommunityId = id,
            request.Type,
            AuthorId = me,
            AuthorDepartment = await People.DepartmentOfAsync(work, me),
            Now = time.UtcNowForDatabase(),
        });
        await work.ExecuteAsync(
            """
            INSERT INTO posts (id, community_id, type, title, body, body_html, author_id, author_department,
                               starts_at, ends_at, location, url, version, created_at, updated_at)
            VALUES (@PostId, @CommunityId, @Type, @Title, @Body, @BodyHtml, @AuthorId, @AuthorDepartment,
                    @StartsAt, @EndsAt, @Location, @Url, 1, @Now, @Now)
            """,
            parameters);
        await TagTable.Posts.ReplaceAsync(work, postId, tags);

        var post = await PostReader.ReadOneAsync(work, postId);
        await outbox.EnqueueAsync(work, PostEvents.Published(post!, access.Visibility));
        await work.CommitAsync();

        ETags.Set(response, post!.Version);
        return TypedResults.Created($"/api/posts/{postId}", post);
    }
}
