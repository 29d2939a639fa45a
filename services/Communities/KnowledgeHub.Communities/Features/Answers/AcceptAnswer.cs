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

internal static class AcceptAnswer
{
    internal sealed record Request(Guid? AnswerId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/posts/{id:guid}/accepted-answer", HandleAsync)
            .WithName(nameof(AcceptAnswer))
            .WithSummary("The asker or a lead accepts one of the question's answers; accepting another moves the acceptance. Answers with the question.");

    private static async Task<Results<Ok<PostResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Request request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (request.AnswerId is not { } answerId || answerId == Guid.Empty)
        {
            return new Validation().Add("answerId", "'answerId' is required.").ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var target = await PostTarget.LockAsync(work, id, me);
        if (target is null)
        {
            return Problems.NotFound("The post");
        }

        var question = target.Post;
        if (!question.IsQuestion)
        {
            return PostAnswer.NotAQuestion(question);
        }

        if (!target.IsAuthorOrLead(me))
        {
            return Problems.Forbidden("Only the person who asked or a lead of the community can accept an answer.");
        }

        // Only this question's answers: an answer elsewhere is as unknown here as one that does not exist.
        var answerAuthor = await work.ScalarAsync<Guid?>(
            "SELECT author_id FROM answers WHERE id = @AnswerId AND post_id = @PostId",
            new { AnswerId = answerId, PostId = id });
        if (answerAuthor is null)
        {
            return new Validation().Add("answerId", $"This question has no answer {answerId}.").ToProblem();
        }

        if (question.AcceptedAnswerId != answerId)
        {
            var now = time.UtcNowForDatabase();
            await work.ExecuteAsync(
                "UPDATE posts SET accepted_answer_id = @AnswerId WHERE id = @PostId",
                new { AnswerId = answerId, PostId = id });
            await outbox.EnqueueAsync(
                work,
                new AnswerAccepted(answerId, id, question.CommunityId, answerAuthor.Value, question.Title, question.Tags, me, question.AcceptedAnswerId, now));
        }

        var accepted = (await PostDetails.ReadAsync(work, id))!;
        await work.CommitAsync();
        ETags.Set(response, accepted.Version);
        return TypedResults.Ok(accepted);
    }
}
