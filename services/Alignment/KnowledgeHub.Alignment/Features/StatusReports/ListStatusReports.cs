using System.Text;
using Dapper;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.StatusReports;

internal static class ListStatusReports
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{id:guid}/status-reports", ListAsync)
            .WithName(nameof(ListStatusReports))
            .WithSummary("A project's status reports, newest first: its transparent log.");
        api.MapGet("/projects/{id:guid}/status-reports/{reportId:guid}", GetAsync)
            .WithName("GetStatusReport")
            .WithSummary("One status report.");
    }

    private static async Task<Results<Ok<Page<StatusReportResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id,
        int? limit,
        string? cursor,
        AlignmentDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var exists = await session.ScalarAsync<bool>(
            "SELECT count(*) > 0 FROM projects WHERE id = @Id", new { Id = id });
        if (!exists)
        {
            return Problems.NotFound("The project");
        }

        var sql = new StringBuilder("WHERE r.project_id = @Id");
        var parameters = new DynamicParameters(new { Id = id });
        if (!NewestFirst.TryAppend(sql, parameters, page, "r.reported_at", "r.id"))
        {
            return NewestFirst.ForeignCursor();
        }

        var reports = await StatusReportReader.ReadAsync(session, sql.ToString(), parameters);
        return TypedResults.Ok(page.ToPage(reports, report => NewestFirst.Key(report.ReportedAt, report.Id)));
    }

    private static async Task<Results<Ok<StatusReportResponse>, ProblemHttpResult>> GetAsync(
        Guid id,
        Guid reportId,
        AlignmentDatabase database,
        CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var found = await StatusReportReader.ReadAsync(
            session, "WHERE r.project_id = @Id AND r.id = @ReportId", new { Id = id, ReportId = reportId });
        return found.Count == 0 ? Problems.NotFound("The status report") : TypedResults.Ok(found[0]);
    }
}
