using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Departments;

/// <summary>The whole list on every page that offers a department; mapped by Dapper's source generator (ADR 0107).</summary>
[DapperAot]
internal static class ListDepartments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/departments", HandleAsync)
            .WithName(nameof(ListDepartments))
            .WithSummary("Every department, by code.");

    private static async Task<Ok<IReadOnlyList<DepartmentResponse>>> HandleAsync(ExpertiseDatabase database, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var departments = await session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<DepartmentRow>(
            "SELECT code AS Code, name AS Name FROM departments ORDER BY code", transaction: transaction));
        return TypedResults.Ok<IReadOnlyList<DepartmentResponse>>(departments.Select(row => new DepartmentResponse(row.Code, row.Name)).ToList());
    }

    internal sealed class DepartmentRow
    {
        public required string Code { get; init; }

        public required string Name { get; init; }
    }
}
