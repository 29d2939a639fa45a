using System.Security.Claims;
using System.Text.Json;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Imports;

internal static class GetImport
{
    /// <param name="Questions">Questions, answers and accepted answers this import added; rows imported before count nowhere.</param>
    internal sealed record Response(
        Guid Id,
        Guid CommunityId,
        string Status,
        int Questions,
        int Answers,
        int AcceptedAnswers,
        int People,
        IReadOnlyList<RejectedRow> Rejected,
        string? Error,
        DateTimeOffset StartedAt,
        DateTimeOffset? FinishedAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/imports/{id:guid}", HandleAsync)
            .WithName(nameof(GetImport))
            .WithSummary("How far an import has got: counts so far, rows rejected and why. For whoever started it, or an admin.");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, CommunitiesDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var row = await session.QueryOneAsync<ImportRow>(
            """
            SELECT id AS Id, community_id AS CommunityId, started_by AS StartedBy, status AS Status, questions AS Questions, answers AS Answers,
                   accepted_answers AS AcceptedAnswers, people AS People, rejected AS Rejected, error AS Error, started_at AS StartedAt, finished_at AS FinishedAt
            FROM imports WHERE id = @Id
            """,
            new { Id = id });
        if (row is null || (row.StartedBy != user.PersonId() && !user.IsAdmin()))
        {
            return Problems.NotFound("The import");
        }

        return TypedResults.Ok(new Response(
            row.Id,
            row.CommunityId,
            row.Status,
            row.Questions,
            row.Answers,
            row.AcceptedAnswers,
            row.People,
            JsonSerializer.Deserialize<List<RejectedRow>>(row.Rejected, JsonSerializerOptions.Web) ?? [],
            row.Error,
            row.StartedAt,
            row.FinishedAt));
    }

    private sealed class ImportRow
    {
        public Guid Id { get; init; }

        public Guid CommunityId { get; init; }

        public Guid StartedBy { get; init; }

        public required string Status { get; init; }

        public int Questions { get; init; }

        public int Answers { get; init; }

        public int AcceptedAnswers { get; init; }

        public int People { get; init; }

        public required string Rejected { get; init; }

        public string? Error { get; init; }

        public DateTimeOffset StartedAt { get; init; }

        public DateTimeOffset? FinishedAt { get; init; }
    }
}
