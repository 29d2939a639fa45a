using System.Globalization;
using System.Text;
using Dapper;
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
            .WithSummary("Projects, newest first; department matches the sponsor or a partner.");

    private static async Task<Results<Ok<Page<ProjectResponse>>, ValidationProblem>> HandleAsync(
        string? status,
        string? department,
        int? limit,
        string? cursor,
        AlignmentDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (status is not null)
        {
            validation.RequireOneOf(status, "status", ProjectRules.Statuses);
        }

        var departmentCode = DepartmentCodes.Normalize(department);
        validation.Require(department is null || departmentCode is not null, "department", $"'department' is a department code ({DepartmentCodes.Rule}).");
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

        if (page.After is [var at, var id]
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var afterAt)
            && Guid.TryParse(id, out var afterId))
        {
            sql.Append(" AND (p.created_at < @AfterAt OR (p.created_at = @AfterAt AND p.id < @AfterId))");
            parameters.Add("AfterAt", afterAt);
            parameters.Add("AfterId", afterId);
        }

        sql.Append(" ORDER BY p.created_at DESC, p.id DESC LIMIT @Take");
        parameters.Add("Take", page.Limit + 1);

        await using var connection = await database.OpenAsync(cancellationToken);
        var projects = await ProjectReader.ReadAsync(connection, database.Dialect, sql.ToString(), parameters, cancellationToken);
        return TypedResults.Ok(page.ToPage(projects, project => [project.CreatedAt.ToString("O", CultureInfo.InvariantCulture), project.Id.ToString()]));
    }
}
