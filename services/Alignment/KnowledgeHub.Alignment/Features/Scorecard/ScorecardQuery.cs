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
    // Every active project once, with whether it serves an objective of the period (or of a period
    // containing it, ADR 0042) and how much its contribution weighs (ADR 0040); and every
    // (project, department) pair it involves, carrying what the department figures need
    // (partners never include the sponsor, so UNION ALL counts each pair once). Partnerships are
    // counted from the primary keys directly, as sponsor-partner and partner-partner pairs: a
    // self-join of the involvement took twice as long.
    private static string Portfolio(SqlDialect dialect) => $"""
        WITH active AS (
            SELECT p.id, p.name, p.planned_budget, p.currency, p.sponsor_department, p.health, p.last_reported_at,
                   CASE WHEN {AlignmentSql.ServesAnObjective("p", ofPeriod: true, dialect)} THEN 1 ELSE 0 END AS aligned,
                   {AlignmentSql.ContributionWeight("p", dialect)} AS weight
            FROM projects p WHERE p.status = '{ProjectRules.Active}'
        ), involvement AS (
            SELECT a.id AS project_id, a.sponsor_department AS department, a.currency, a.aligned, a.planned_budget FROM active a
            UNION ALL
            SELECT a.id, d.department, a.currency, a.aligned, a.planned_budget FROM project_partners d JOIN active a ON a.id = d.project_id
        )
        """;

    private static string Sql(SqlDialect dialect) => $"""
        {Portfolio(dialect)}
        SELECT currency AS Currency, aligned AS Aligned, count(*) AS Projects, {dialect.Decimal("sum(planned_budget)")} AS Planned,
               {dialect.Decimal("sum(planned_budget * weight)")} AS Weighted,
               sum(CASE WHEN health = 'green' THEN 1 ELSE 0 END) AS Green,
               sum(CASE WHEN health = 'amber' THEN 1 ELSE 0 END) AS Amber,
               sum(CASE WHEN health = 'red' THEN 1 ELSE 0 END) AS Red,
               sum(CASE WHEN last_reported_at IS NULL OR last_reported_at < @StaleBefore THEN 1 ELSE 0 END) AS Stale
        FROM active GROUP BY currency, aligned;

        {Portfolio(dialect)}
        SELECT id AS Id, name AS Name, {dialect.Decimal("planned_budget")} AS Planned, currency AS Currency, sponsor_department AS SponsorDepartment
        FROM active WHERE aligned = 0;

        SELECT period AS Period, count(*) AS Objectives FROM objectives WHERE {dialect.InList("period", "@Periods")} GROUP BY period;

        SELECT d.department AS Department, count(*) AS Objectives
        FROM objectives o JOIN objective_departments d ON d.objective_id = o.id
        WHERE {dialect.InList("o.period", "@Periods")} GROUP BY d.department;

        SELECT o.id AS Id, o.title AS Title, o.department AS Department, o.period AS Period, o.priority AS Priority,
               (SELECT {dialect.StringAgg("d.department")} FROM objective_departments d WHERE d.objective_id = o.id) AS OwnerDepartments
        FROM objectives o
        WHERE {dialect.InList("o.period", "@Periods")}
          AND NOT EXISTS (SELECT 1 FROM project_objectives l JOIN projects p ON p.id = l.project_id
                          WHERE l.objective_id = o.id AND p.status = '{ProjectRules.Active}');

        {Portfolio(dialect)}
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

    public required IReadOnlyList<PeriodObjectivesRow> ObjectivesByPeriod { get; init; }

    /// <summary>Objectives per owner department: a co-owned objective counts for each of its departments.</summary>
    public required IReadOnlyList<DepartmentObjectivesRow> ObjectivesByDepartment { get; init; }

    public required IReadOnlyList<UnsupportedRow> Unsupported { get; init; }

    public required IReadOnlyList<DepartmentBudgetRow> DepartmentBudgets { get; init; }

    public required IReadOnlyList<PartnershipRow> Partnerships { get; init; }

    /// <param name="periods">The period asked for and every period containing it.</param>
    /// <param name="staleBefore">Active projects whose latest report is older (or missing) are stale.</param>
    public static async Task<ScorecardQuery> RunAsync(DbSession session, IReadOnlyList<string> periods, DateTimeOffset staleBefore)
    {
        await using var results = await session.QueryMultipleAsync(Sql(session.Dialect), new { Periods = periods.ToArray(), StaleBefore = staleBefore });
        return new ScorecardQuery
        {
            ActiveByCurrency = (await results.ReadAsync<PortfolioRow>()).ToList(),
            Unaligned = (await results.ReadAsync<UnalignedRow>()).ToList(),
            ObjectivesByPeriod = (await results.ReadAsync<PeriodObjectivesRow>()).ToList(),
            ObjectivesByDepartment = (await results.ReadAsync<DepartmentObjectivesRow>()).ToList(),
            Unsupported = (await results.ReadAsync<UnsupportedRow>()).ToList(),
            DepartmentBudgets = (await results.ReadAsync<DepartmentBudgetRow>()).ToList(),
            Partnerships = (await results.ReadAsync<PartnershipRow>()).ToList(),
        };
    }

    /// <summary>The active projects planned in <paramref name="currencies"/>, which the scorecard cannot add up.</summary>
    public static Task<IReadOnlyList<UnconvertedRow>> UnconvertedAsync(DbSession session, IReadOnlyList<string> currencies) =>
        session.QueryAsync<UnconvertedRow>(
            $"""
            SELECT id AS Id, name AS Name, {session.Dialect.Decimal("planned_budget")} AS Planned, currency AS Currency
            FROM projects WHERE status = '{ProjectRules.Active}' AND {session.Dialect.InList("currency", "@Currencies")}
            ORDER BY name, id
            """,
            new { Currencies = currencies.ToArray() });

    internal class BudgetRow
    {
        public required string Currency { get; init; }

        public long Aligned { get; init; }

        public long Projects { get; init; }

        public decimal Planned { get; init; }

        /// <summary>Planned budget times the contribution weight (ADR 0040); only in the portfolio rows.</summary>
        public decimal Weighted { get; init; }
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

    internal sealed class UnconvertedRow
    {
        public Guid Id { get; init; }

        public required string Name { get; init; }

        public decimal Planned { get; init; }

        public required string Currency { get; init; }
    }

    internal sealed class PeriodObjectivesRow
    {
        public required string Period { get; init; }

        public long Objectives { get; init; }
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

        public required string Period { get; init; }

        public int Priority { get; init; }

        /// <summary>Comma-joined; null for none.</summary>
        public string? OwnerDepartments { get; init; }
    }

    internal sealed class PartnershipRow
    {
        public required string A { get; init; }

        public required string B { get; init; }

        public long SharedProjects { get; init; }
    }
}
