using System.Data.Common;
using Dapper;
using KnowledgeHub.Alignment.Features.Alignments;
using KnowledgeHub.Alignment.Features.Projects;
using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Scorecard;

/// <summary>
/// The scorecard's figures, aggregated by the database in one round trip. Amounts come back per
/// currency, because only the service knows the conversion rates; everything else is counted in SQL.
/// </summary>
internal sealed class ScorecardQuery
{
    // Every active project once, with whether it serves an objective of the period; and every
    // (project, department) pair it involves, carrying what the department figures need
    // (partners never include the sponsor, so UNION ALL counts each pair once). Partnerships are
    // counted from the primary keys directly, as sponsor-partner and partner-partner pairs: a
    // self-join of the involvement took twice as long.
    private static readonly string Portfolio = $"""
        WITH active AS (
            SELECT p.id, p.name, p.planned_budget, p.currency, p.sponsor_department, p.health, p.last_reported_at,
                   CASE WHEN {AlignmentSql.ServesAnObjective("p", ofPeriod: true)} THEN 1 ELSE 0 END AS aligned
            FROM projects p WHERE p.status = '{ProjectRules.Active}'
        ), involvement AS (
            SELECT a.id AS project_id, a.sponsor_department AS department, a.currency, a.aligned, a.planned_budget FROM active a
            UNION ALL
            SELECT a.id, d.department, a.currency, a.aligned, a.planned_budget FROM project_partners d JOIN active a ON a.id = d.project_id
        )
        """;

    private static string Sql(SqlDialect dialect) => $"""
        {Portfolio}
        SELECT currency AS Currency, aligned AS Aligned, count(*) AS Projects, {dialect.Decimal("sum(planned_budget)")} AS Planned,
               sum(CASE WHEN health = 'green' THEN 1 ELSE 0 END) AS Green,
               sum(CASE WHEN health = 'amber' THEN 1 ELSE 0 END) AS Amber,
               sum(CASE WHEN health = 'red' THEN 1 ELSE 0 END) AS Red,
               sum(CASE WHEN last_reported_at IS NULL OR last_reported_at < @StaleBefore THEN 1 ELSE 0 END) AS Stale
        FROM active GROUP BY currency, aligned;

        {Portfolio}
        SELECT id AS Id, name AS Name, {dialect.Decimal("planned_budget")} AS Planned, currency AS Currency, sponsor_department AS SponsorDepartment
        FROM active WHERE aligned = 0;

        SELECT department AS Department, count(*) AS Objectives FROM objectives WHERE period = @Period GROUP BY department;

        SELECT o.id AS Id, o.title AS Title, o.department AS Department, o.priority AS Priority
        FROM objectives o
        WHERE o.period = @Period
          AND NOT EXISTS (SELECT 1 FROM project_objectives l JOIN projects p ON p.id = l.project_id
                          WHERE l.objective_id = o.id AND p.status = '{ProjectRules.Active}');

        {Portfolio}
        SELECT department AS Department, currency AS Currency, aligned AS Aligned, count(*) AS Projects, {dialect.Decimal("sum(planned_budget)")} AS Planned
        FROM involvement GROUP BY department, currency, aligned;

        SELECT p.sponsor_department AS A, d.department AS B, count(*) AS SharedProjects
        FROM projects p JOIN project_partners d ON d.project_id = p.id
        WHERE p.status = '{ProjectRules.Active}'
        GROUP BY p.sponsor_department, d.department
        UNION ALL
        SELECT x.department, y.department, count(*)
        FROM projects p JOIN project_partners x ON x.project_id = p.id
                        JOIN project_partners y ON y.project_id = p.id AND x.department < y.department
        WHERE p.status = '{ProjectRules.Active}'
        GROUP BY x.department, y.department;
        """;

    /// <summary>Active projects by currency and alignment, with their health.</summary>
    public required IReadOnlyList<PortfolioRow> ActiveByCurrency { get; init; }

    public required IReadOnlyList<UnalignedRow> Unaligned { get; init; }

    public required IReadOnlyList<DepartmentObjectivesRow> ObjectivesByDepartment { get; init; }

    public required IReadOnlyList<UnsupportedRow> Unsupported { get; init; }

    public required IReadOnlyList<DepartmentBudgetRow> DepartmentBudgets { get; init; }

    public required IReadOnlyList<PartnershipRow> Partnerships { get; init; }

    /// <param name="staleBefore">Active projects whose latest report is older (or missing) are stale.</param>
    public static async Task<ScorecardQuery> RunAsync(DbConnection connection, SqlDialect dialect, string period, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            Sql(dialect), new { Period = period, StaleBefore = staleBefore }, cancellationToken: cancellationToken));
        return new ScorecardQuery
        {
            ActiveByCurrency = (await results.ReadAsync<PortfolioRow>()).ToList(),
            Unaligned = (await results.ReadAsync<UnalignedRow>()).ToList(),
            ObjectivesByDepartment = (await results.ReadAsync<DepartmentObjectivesRow>()).ToList(),
            Unsupported = (await results.ReadAsync<UnsupportedRow>()).ToList(),
            DepartmentBudgets = (await results.ReadAsync<DepartmentBudgetRow>()).ToList(),
            Partnerships = (await results.ReadAsync<PartnershipRow>()).ToList(),
        };
    }

    internal class BudgetRow
    {
        public required string Currency { get; init; }

        public long Aligned { get; init; }

        public long Projects { get; init; }

        public decimal Planned { get; init; }
    }

    internal sealed class DepartmentBudgetRow : BudgetRow
    {
        public required string Department { get; init; }
    }

    internal sealed class PortfolioRow : BudgetRow
    {
        public long Green { get; init; }

        public long Amber { get; init; }

        public long Red { get; init; }

        public long Stale { get; init; }
    }

    internal sealed class UnalignedRow
    {
        public Guid Id { get; init; }

        public required string Name { get; init; }

        public decimal Planned { get; init; }

        public required string Currency { get; init; }

        public required string SponsorDepartment { get; init; }
    }

    internal sealed class DepartmentObjectivesRow
    {
        public required string Department { get; init; }

        public long Objectives { get; init; }
    }

    internal sealed class UnsupportedRow
    {
        public Guid Id { get; init; }

        public required string Title { get; init; }

        public required string Department { get; init; }

        public int Priority { get; init; }
    }

    internal sealed class PartnershipRow
    {
        public required string A { get; init; }

        public required string B { get; init; }

        public long SharedProjects { get; init; }
    }
}
