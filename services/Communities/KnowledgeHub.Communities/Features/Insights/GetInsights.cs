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
/// How a community is doing, for its leads. Every figure is defined in docs/adr/0013; departments
/// are people's current ones as the Expertise service last described them.
/// </summary>
internal static class GetInsights
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <param name="Since">The start of the 30-day window the *30d figures and the rates cover.</param>
    internal sealed record Response(
        int Members,
        IReadOnlyDictionary<string, int> MembersByDepartment,
        int Posts30d,
        int Questions30d,
        double? AnswerRate,
        double? MedianHoursToFirstAnswer,
        double? CrossDepartmentShare,
        DateTimeOffset Since);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communities/{id:guid}/insights", HandleAsync)
            .WithName(nameof(GetInsights))
            .WithSummary("For leads: members by department, activity in the last 30 days, how well and how fast questions get answered, and how often answers cross department lines.");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, CommunitiesDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var access = await CommunityAccess.ReadAsync(session, id, user.PersonId());
        if (access is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        if (!access.IsLead)
        {
            return Problems.Forbidden("Only a lead of the community can see its insights.");
        }

        var since = time.UtcNowForDatabase() - Window;
        var parameters = new { CommunityId = id, Since = since };
        var departments = (await session.QueryAsync<DepartmentRow>(
            $"""
            SELECT COALESCE(NULLIF(p.department, ''), '{DepartmentCodes.Unassigned}') AS Department, count(*) AS Members
            FROM memberships m LEFT JOIN people p ON p.id = m.person_id
            WHERE m.community_id = @CommunityId AND m.status = 'active'
            GROUP BY 1
            """,
            parameters)).ToList();
        var posts = await session.ScalarAsync<int>(
            "SELECT count(*) FROM posts WHERE community_id = @CommunityId AND created_at >= @Since", parameters);
        var questions = (await session.QueryAsync<QuestionRow>(
            """
            SELECT p.created_at AS AskedAt, (SELECT min(a.created_at) FROM answers a WHERE a.post_id = p.id) AS FirstAnswerAt
            FROM posts p
            WHERE p.community_id = @CommunityId AND p.type = 'question' AND p.created_at >= @Since
            """,
            parameters)).ToList();
        var answers = await session.QuerySingleAsync<CrossingRow>(
            """
            SELECT count(*) AS Answers, COALESCE(sum(CASE WHEN answerer.department <> asker.department THEN 1 ELSE 0 END), 0) AS Crossing
            FROM answers a
            JOIN posts q ON q.id = a.post_id
            JOIN people answerer ON answerer.id = a.author_id
            JOIN people asker ON asker.id = q.author_id
            WHERE q.community_id = @CommunityId AND a.created_at >= @Since AND answerer.department <> '' AND asker.department <> ''
            """,
            parameters);

        var waits = questions
            .Where(question => question.FirstAnswerAt is not null)
            .Select(question => (question.FirstAnswerAt!.Value - question.AskedAt).TotalHours)
            .ToList();
        return TypedResults.Ok(new Response(
            departments.Sum(row => row.Members),
            departments.OrderBy(row => row.Department, StringComparer.Ordinal).ToDictionary(row => row.Department, row => row.Members),
            posts,
            questions.Count,
            Share(waits.Count, questions.Count),
            waits.Count == 0 ? null : Math.Round(Median(waits), 2),
            Share(answers.Crossing, answers.Answers),
            since));
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3);

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private sealed class DepartmentRow
    {
        public required string Department { get; init; }

        public int Members { get; init; }
    }

    private sealed class QuestionRow
    {
        public DateTimeOffset AskedAt { get; init; }

        public DateTimeOffset? FirstAnswerAt { get; init; }
    }

    private sealed class CrossingRow
    {
        public int Answers { get; init; }

        public int Crossing { get; init; }
    }
}
