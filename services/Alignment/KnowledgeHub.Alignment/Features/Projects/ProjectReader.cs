using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Projects;

/// <summary>
/// Reads projects with their partner departments and tags; one project also with its members and objectives.
/// The hottest reads of the module: their rows are mapped by Dapper's source generator (ADR 0107), so the row
/// types are internal, where the generated code can reach them.
/// </summary>
[DapperAot]
internal static class ProjectReader
{
    /// <summary>
    /// <paramref name="filter"/> continues <c>FROM projects p</c> with WHERE, ORDER BY and LIMIT. A list's
    /// filters are optional and a period is a list of labels, so its parameters are Dapper's own, which the
    /// generator binds as Dapper does.
    /// </summary>
    /// <remarks>
    /// The statement is built for the engine at run time, and the generator cannot take a cancellation with
    /// Dapper's parameters nor, in this version, with a statement it cannot read at build time (the code it
    /// writes for that does not compile): a cancelled session does not start this statement or the one below,
    /// but once started they run to their end.
    /// </remarks>
    public static async Task<IReadOnlyList<ProjectResponse>> ReadAsync(
        DbSession session,
        string filter,
        DynamicParameters parameters)
    {
        var rows = await session.MappedAtBuildAsync((connection, transaction) =>
            connection.QueryAsync<ProjectRow>(Select(session.Dialect, filter), parameters, transaction));
        return rows.Select(ToResponse).ToList();
    }

    /// <summary>
    /// One project, its columns bound by position in the order <see cref="Select"/> names them (ADR 0108): the
    /// hottest read of the module, where reading every column's name on each call was about half of what the
    /// generated read cost beyond hand-written ADO.NET. A column moved in the statement and not here is caught by the
    /// project slice tests, which compare this read with a list's, bound by name.
    /// </summary>
    [QueryColumns("Id", "Name", "Description", "SponsorDepartment", "PlannedBudget", "ActualBudget", "Currency", "StartDate", "EndDate", "Status", "Pilot",
        "LessonsLearned", "LeadId", "Health", "LastReportedAt", "CreatedAt", "UpdatedAt", "Version", "Partners", "Tags")]
    public static async Task<ProjectResponse?> ReadOneAsync(
        DbSession session, Guid id)
    {
        var rows = await session.MappedAtBuildAsync((connection, transaction) =>
            connection.QueryAsync<ProjectRow>(Select(session.Dialect, "WHERE p.id = @Id"), new { Id = id }, transaction));
        return rows.Select(ToResponse).FirstOrDefault();
    }

    /// <summary>One project with its members and the objectives it serves.</summary>
    public static async Task<ProjectResponse?> ReadDetailAsync(
        DbSession session, Guid id)
    {
        var project = await ReadOneAsync(session, id);
        if (project is null)
        {
            return null;
        }

        var members = await session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<MemberRow>(
            """
            SELECT person_id AS PersonId, role AS Role, assigned_at AS AssignedAt, confirmed_at AS ConfirmedAt
            FROM project_members WHERE project_id = @Id ORDER BY assigned_at, person_id
            """,
            new { Id = id, session.CancellationToken },
            transaction));
        var alignments = await session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<AlignmentRow>(
            """
            SELECT o.id AS ObjectiveId, o.title AS Title, o.department AS Department, o.period AS Period,
                   l.contribution AS Contribution, l.rationale AS Rationale, l.updated_at AS UpdatedAt
            FROM project_objectives l JOIN objectives o ON o.id = l.objective_id
            WHERE l.project_id = @Id ORDER BY o.period, o.priority, o.title, o.id
            """,
            new { Id = id, session.CancellationToken },
            transaction));
        return project with
        {
            Members = members.Select(row => new MemberResponse(row.PersonId, row.Role, row.AssignedAt, row.ConfirmedAt)).ToList(),
            Alignments = alignments.Select(row => new ProjectAlignmentResponse(
                row.ObjectiveId, row.Title, row.Department, row.Period, row.Contribution, row.Rationale, row.UpdatedAt)).ToList(),
        };
    }

    private static string Select(SqlDialect dialect, string filter) => $"""
        SELECT p.id AS Id, p.name AS Name, p.description AS Description, p.sponsor_department AS SponsorDepartment,
               {dialect.Decimal("p.planned_budget")} AS PlannedBudget, {dialect.Decimal("p.actual_budget")} AS ActualBudget, p.currency AS Currency,
               p.start_date AS StartDate, p.end_date AS EndDate, p.status AS Status, p.pilot AS Pilot,
               p.lessons_learned AS LessonsLearned, p.lead_id AS LeadId, p.health AS Health,
               p.last_reported_at AS LastReportedAt, p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.version AS Version,
               (SELECT {dialect.StringAgg("d.department")} FROM project_partners d WHERE d.project_id = p.id) AS Partners,
               (SELECT {dialect.StringAgg("t.tag")} FROM project_tags t WHERE t.project_id = p.id) AS Tags
        FROM projects p
        {filter}
        """;

    private static ProjectResponse ToResponse(ProjectRow row) => new(
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
        row.Pilot,
        row.LessonsLearned,
        row.LeadId,
        row.Health,
        row.LastReportedAt,
        row.CreatedAt,
        row.UpdatedAt,
        row.Version);

    internal sealed class ProjectRow
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

        public bool Pilot { get; init; }

        public string? LessonsLearned { get; init; }

        public Guid LeadId { get; init; }

        public string? Health { get; init; }

        public DateTimeOffset? LastReportedAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public long Version { get; init; }

        public string? Partners { get; init; }

        public string? Tags { get; init; }
    }

    internal sealed class MemberRow
    {
        public Guid PersonId { get; init; }

        public required string Role { get; init; }

        public DateTimeOffset AssignedAt { get; init; }

        public DateTimeOffset? ConfirmedAt { get; init; }
    }

    internal sealed class AlignmentRow
    {
        public Guid ObjectiveId { get; init; }

        public required string Title { get; init; }

        public required string Department { get; init; }

        public required string Period { get; init; }

        public required string Contribution { get; init; }

        public required string Rationale { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
