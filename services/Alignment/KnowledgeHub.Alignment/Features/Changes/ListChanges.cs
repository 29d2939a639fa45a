using System.Text;
using Dapper;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Changes;

/// <summary>
/// The change log of a project or an objective, newest first: what changed, from what to what, by
/// whom and when (see <see cref="ChangeLog"/>). Readable by whoever can read the project or objective,
/// which is everyone signed in: the hub is open about successes and setbacks alike.
/// </summary>
internal static class ListChanges
{
    internal sealed record ChangeResponse(Guid Id, string Field, string? Before, string? After, Guid ChangedBy, DateTimeOffset ChangedAt);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{id:guid}/changes", (Guid id, int? limit, string? cursor, AlignmentDatabase database, CancellationToken cancellationToken) =>
                ListAsync(ChangeLog.Project, "projects", "The project", id, limit, cursor, database, cancellationToken))
            .WithName("ListProjectChanges")
            .WithSummary("Every change of a project's budget, status, health, dates, members, alignments and status reports, newest first: who, when, before and after.");
        api.MapGet("/objectives/{id:guid}/changes", (Guid id, int? limit, string? cursor, AlignmentDatabase database, CancellationToken cancellationToken) =>
                ListAsync(ChangeLog.Objective, "objectives", "The objective", id, limit, cursor, database, cancellationToken))
            .WithName("ListObjectiveChanges")
            .WithSummary("Every change of an objective and its key results (owners, check-ins, targets), newest first: who, when, before and after.");
    }

    private static async Task<Results<Ok<Page<ChangeResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string subjectType, string table, string what, Guid id, int? limit, string? cursor, AlignmentDatabase database, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        if (!await session.ScalarAsync<bool>($"SELECT count(*) > 0 FROM {table} WHERE id = @Id", new { Id = id }))
        {
            return Problems.NotFound(what);
        }

        var sql = new StringBuilder(
            """
            SELECT id AS Id, field AS Field, before_value AS Before, after_value AS After, changed_by AS ChangedBy, changed_at AS ChangedAt
            FROM changes WHERE subject_type = @Type AND subject_id = @Id
            """);
        var parameters = new DynamicParameters(new { Type = subjectType, Id = id });
        if (!NewestFirst.TryAppend(sql, parameters, page, "changed_at", "id"))
        {
            return NewestFirst.ForeignCursor();
        }

        var changes = await session.QueryAsync<ChangeRow>(sql.ToString(), parameters);
        return TypedResults.Ok(page.ToPage(changes.Select(row => row.ToResponse()).ToList(), change => NewestFirst.Key(change.ChangedAt, change.Id)));
    }

    private sealed class ChangeRow
    {
        public Guid Id { get; init; }

        public required string Field { get; init; }

        public string? Before { get; init; }

        public string? After { get; init; }

        public Guid ChangedBy { get; init; }

        public DateTimeOffset ChangedAt { get; init; }

        public ChangeResponse ToResponse() => new(Id, Field, Before, After, ChangedBy, ChangedAt);
    }
}
