using System.Security.Claims;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Answers;

internal static class PostAnswer
{
    internal sealed record Request(string? Body);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/posts/{id:guid}/answers", HandleAsync)
            .WithName(nameof(PostAnswer))
            .WithSummary("Answer a question in a community you are an active member of. The body is Markdown.");

    private static async Task<Results<Created<AnswerResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Request request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new Validation().RequireText(request.Body, "body", PostRules.MaxBodyLength);
        var bodyHtml = await SafeMarkdown.RenderAsync(request.Body, "body", validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var target = await PostTarget.LockAsync(work, id, me);
        if (target is null)
        {
            return Problems.NotFound("The post");
        }

        if (!target.Post.IsQuestion)
        {
            return NotAQuestion(target.Post);
        }

        if (!target.Access.IsMember)
        {
            return Problems.Forbidden("Only active members of the community can answer its questions. Join it first.");
        }

        await People.RememberCallerAsync(work, user);
        var answer = await work.QuerySingleAsync<AnswerReader.AnswerRow>(
            """
            INSERT INTO answers (id, post_id, body, body_html, author_id, created_at)
            VALUES (@Id, @PostId, @Body, @BodyHtml, @AuthorId, @Now)
            RETURNING id AS Id, post_id AS PostId, body AS Body, body_html AS BodyHtml, author_id AS AuthorId, created_at AS CreatedAt
            """,
            new
            {
                Id = Guid.CreateVersion7(),
                PostId = id,
                request.Body,
                BodyHtml = bodyHtml,
                AuthorId = me,
                Now = time.UtcNowForDatabase(),
            });
        await work.ExecuteAsync(
            "UPDATE posts SET answer_count = answer_count + 1 WHERE id = @PostId", new { PostId = id });

        var question = target.Post;
        await outbox.EnqueueAsync(
            work,
            new AnswerPosted(
                answer.Id, id, question.CommunityId, target.Access.Visibility, me, await People.DepartmentOfAsync(work, me),
                question.AuthorId, question.Title, question.Tags, answer.Body, answer.CreatedAt));
        // The caller's name as the community knows it (remembered above), as every list of answers shows it.
        var authorName = await work.ScalarAsync<string>("SELECT display_name FROM people WHERE id = @Me", new { Me = me });
        await work.CommitAsync();
        return TypedResults.Created($"/api/posts/{id}", answer.ToResponse(accepted: false) with { AuthorName = authorName });
    }

    public static ProblemHttpResult NotAQuestion(PostResponse post) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Only questions have answers.",
            detail: $"Post {post.Id} is a {post.Type}.");
}
