using System.Text;
using Dapper;
using KnowledgeHub.Alignment.Features.Alignments;
using KnowledgeHub.Alignment.Features.Objectives;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Projects;

internal static class ListProjects
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/projects", HandleAsync)
            .WithName(nameof(ListProjects))
            .WithSummary("Projects, newest first. department matches the sponsor or a partner; aligned=true|false keeps projects that serve "
                + "(or serve no) objective, of the given period when period is set; period alone keeps the projects serving that period's objectives.");

    private static async Task<Results<Ok<Page<ProjectResponse>>, ValidationProblem>> HandleAsync(
        string? status,
        string? department,
        string? aligned,
        string? period,
        int? limit,
        string? cursor,
        AlignmentDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        status = Filters.Given(status);
        if (status is not null)
        {
            validation.RequireOneOf(status, "status", ProjectRules.Statuses);
        }

        var departmentCode = Filters.Department(department, validation);
        var periodLabel = Filters.Period(period, validation);
        var alignedOnly = Filters.Flag(aligned, "aligned", validation);
        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var sql = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (status is not null)
        {
            sql.Append(" AND p.status = @Status");
            parameters.Add("Status", status);
        }

        if (departmentCode is not null)
        {
            sql.Append(" AND (p.sponsor_department = @Department OR EXISTS (SELECT 1 FROM project_partners d WHERE d.project_id = p.id AND d.department = @Department))");
            parameters.Add("Department", departmentCode);
        }

        // A period says which objectives count; without aligned=false it asks for the projects serving them.
        if (alignedOnly is not null || periodLabel is not null)
        {
            sql.Append(alignedOnly == false ? " AND NOT " : " AND ").Append(AlignmentSql.ServesAnObjective("p", periodLabel is not null, database.Dialect));
            if (periodLabel is not null)
            {
                parameters.Add("Periods", Periods.Containing(periodLabel).ToArray());
            }
        }

        if (!NewestFirst.TryAppend(sql, parameters, page, "p.created_at", "p.id"))
        {
            return NewestFirst.ForeignCursor();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var projects = await ProjectReader.ReadAsync(session, sql.ToString(), parameters);
        return TypedResults.Ok(page.ToPage(projects, project => NewestFirst.Key(project.CreatedAt, project.Id)));
    }
}
