using System.Globalization;
using System.Security.Claims;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Insights;

/// <summary>
/// A community's activity over the last twelve calendar months (UTC), for whoever can read it: posts,
/// questions among them, and answers in the month they were written, whatever the question's age (ADR 0067).
/// </summary>
internal static class GetActivity
{
    public const int Months = 12;

    internal sealed record MonthResponse(string Month, int Posts, int Questions, int Answers);

    internal sealed record Response(IReadOnlyList<MonthResponse> Months);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communities/{id:guid}/activity", HandleAsync)
            .WithName("GetCommunityActivity")
            .WithSummary("Posts, questions and answers per calendar month (UTC) over the last twelve months, oldest first; for whoever can read the community.");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, CommunitiesDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        if (await CommunityAccess.ReadAsync(session, id, user.PersonId()) is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        var now = time.UtcNowForDatabase();
        var first = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - Months);
        var parameters = new { CommunityId = id, From = first };
        var posts = await session.QueryAsync<PostRow>(
            "SELECT type AS Type, created_at AS CreatedAt FROM posts WHERE community_id = @CommunityId AND created_at >= @From", parameters);
        var answers = await session.QueryAsync<AnswerRow>(
            """
            SELECT a.created_at AS CreatedAt
            FROM answers a JOIN posts q ON q.id = a.post_id
            WHERE q.community_id = @CommunityId AND a.created_at >= @From
            """,
            parameters);

        var postsByMonth = posts.ToLookup(post => MonthOf(post.CreatedAt));
        var answersByMonth = answers.ToLookup(answer => MonthOf(answer.CreatedAt));
        var months = Enumerable.Range(0, Months)
            .Select(offset => MonthOf(first.AddMonths(offset)))
            .Select(month => new MonthResponse(
                month,
                postsByMonth[month].Count(),
                postsByMonth[month].Count(post => post.Type == "question"),
                answersByMonth[month].Count()))
            .ToList();
        return TypedResults.Ok(new Response(months));
    }

    private static string MonthOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed class PostRow
    {
        public required string Type { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class AnswerRow
    {
        public DateTimeOffset CreatedAt { get; init; }
    }
}
