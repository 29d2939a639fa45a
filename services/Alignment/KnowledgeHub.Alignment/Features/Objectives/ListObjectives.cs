using System.Text;
using Dapper;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Objectives;

internal static class ListObjectives
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/objectives", HandleAsync)
            .WithName(nameof(ListObjectives))
            .WithSummary("Objectives with their key results, newest first, by period and department.");

    private static async Task<Results<Ok<Page<ObjectiveResponse>>, ValidationProblem>> HandleAsync(
        string? period,
        string? department,
        int? limit,
        string? cursor,
        AlignmentDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var periodLabel = Filters.Period(period, validation);
        var departmentCode = Filters.Department(department, validation);
        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var sql = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (periodLabel is not null)
        {
            sql.Append(" AND o.period = @Period");
            parameters.Add("Period", periodLabel);
        }

        if (departmentCode is not null)
        {
            sql.Append(" AND o.department = @Department");
            parameters.Add("Department", departmentCode);
        }

        if (!NewestFirst.TryAppend(sql, parameters, page, "o.created_at", "o.id"))
        {
            return NewestFirst.ForeignCursor();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var objectives = await ObjectiveReader.ReadAsync(session, sql.ToString(), parameters, detailed: false);
        return TypedResults.Ok(page.ToPage(objectives, objective => NewestFirst.Key(objective.CreatedAt, objective.Id)));
    }
}
