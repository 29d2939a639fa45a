using System.Data.Common;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Projects;

/// <summary>Reads projects with their partner departments and tags.</summary>
internal static class ProjectReader
{
    /// <summary><paramref name="filter"/> continues <c>FROM projects p</c> with WHERE, ORDER BY and LIMIT.</summary>
    public static async Task<IReadOnlyList<ProjectResponse>> ReadAsync(
        DbConnection connection,
        SqlDialect dialect,
        string filter,
        object parameters,
        CancellationToken cancellationToken,
        DbTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync<ProjectRow>(new CommandDefinition(
            $"""
            SELECT p.id AS Id, p.name AS Name, p.description AS Description, p.sponsor_department AS SponsorDepartment,
                   p.planned_budget AS PlannedBudget, p.actual_budget AS ActualBudget, p.currency AS Currency,
                   p.start_date AS StartDate, p.end_date AS EndDate, p.status AS Status, p.lead_id AS LeadId,
                   p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.version AS Version,
                   (SELECT {dialect.StringAgg("d.department")} FROM project_partners d WHERE d.project_id = p.id) AS Partners,
                   (SELECT {dialect.StringAgg("t.tag")} FROM project_tags t WHERE t.project_id = p.id) AS Tags
            FROM projects p
            {filter}
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        return rows.Select(row => new ProjectResponse(
            row.Id,
            row.Name,
            row.Description,
            row.SponsorDepartment,
            TagList.Split(row.Partners),
            TagList.Split(row.Tags),
            new Budget(row.PlannedBudget, row.ActualBudget, row.Currency),
            row.StartDate,
            row.EndDate,
            row.Status,
            row.LeadId,
            row.CreatedAt,
            row.UpdatedAt,
            row.Version)).ToList();
    }

    public static async Task<ProjectResponse?> ReadOneAsync(
        DbConnection connection, SqlDialect dialect, Guid id, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var found = await ReadAsync(connection, dialect, "WHERE p.id = @Id", new { Id = id }, cancellationToken, transaction);
        return found.Count == 0 ? null : found[0];
    }

    private sealed class ProjectRow
    {
        public Guid Id { get; init; }

        public required string Name { get; init; }

        public required string Description { get; init; }

        public required string SponsorDepartment { get; init; }

        public decimal PlannedBudget { get; init; }

        public decimal ActualBudget { get; init; }

        public required string Currency { get; init; }

        public DateOnly StartDate { get; init; }

        public DateOnly EndDate { get; init; }

        public required string Status { get; init; }

        public Guid LeadId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public long Version { get; init; }

        public string? Partners { get; init; }

        public string? Tags { get; init; }
    }
}
