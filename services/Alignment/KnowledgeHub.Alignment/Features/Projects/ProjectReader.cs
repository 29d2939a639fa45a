using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Projects;

/// <summary>Reads projects with their partner departments and tags; one project also with its members and objectives.</summary>
internal static class ProjectReader
{
    /// <summary><paramref name="filter"/> continues <c>FROM projects p</c> with WHERE, ORDER BY and LIMIT.</summary>
    public static async Task<IReadOnlyList<ProjectResponse>> ReadAsync(
        DbSession session,
        string filter,
        object parameters)
    {
        var rows = await session.QueryAsync<ProjectRow>(
            $"""
            SELECT p.id AS Id, p.name AS Name, p.description AS Description, p.sponsor_department AS SponsorDepartment,
                   {session.Dialect.Decimal("p.planned_budget")} AS PlannedBudget, {session.Dialect.Decimal("p.actual_budget")} AS ActualBudget, p.currency AS Currency,
                   p.start_date AS StartDate, p.end_date AS EndDate, p.status AS Status, p.pilot AS Pilot,
                   p.lessons_learned AS LessonsLearned, p.lead_id AS LeadId, p.health AS Health,
                   p.last_reported_at AS LastReportedAt, p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.version AS Version,
                   (SELECT {session.Dialect.StringAgg("d.department")} FROM project_partners d WHERE d.project_id = p.id) AS Partners,
                   (SELECT {session.Dialect.StringAgg("t.tag")} FROM project_tags t WHERE t.project_id = p.id) AS Tags
            FROM projects p
            {filter}
            """,
            parameters);
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
            row.Pilot,
            row.LessonsLearned,
            row.LeadId,
            row.Health,
            row.LastReportedAt,
            row.CreatedAt,
            row.UpdatedAt,
            row.Version)).ToList();
    }

    public static async Task<ProjectResponse?> ReadOneAsync(
        DbSession session, Guid id)
    {
        var found = await ReadAsync(session, "WHERE p.id = @Id", new { Id = id });
        return found.Count == 0 ? null : found[0];
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

        var members = await session.QueryAsync<MemberRow>(
            """
            SELECT person_id AS PersonId, role AS Role, assigned_at AS AssignedAt, confirmed_at AS ConfirmedAt
            FROM project_members WHERE project_id = @Id ORDER BY assigned_at, person_id
            """,
            new { Id = id });
        var alignments = await session.QueryAsync<AlignmentRow>(
            """
            SELECT o.id AS ObjectiveId, o.title AS Title, o.department AS Department, o.period AS Period,
                   l.contribution AS Contribution, l.rationale AS Rationale, l.updated_at AS UpdatedAt
            FROM project_objectives l JOIN objectives o ON o.id = l.objective_id
            WHERE l.project_id = @Id ORDER BY o.period, o.priority, o.title, o.id
            """,
            new { Id = id });
        return project with
        {
            Members = members.Select(row => new MemberResponse(row.PersonId, row.Role, row.AssignedAt, row.ConfirmedAt)).ToList(),
            Alignments = alignments.Select(row => new ProjectAlignmentResponse(
                row.ObjectiveId, row.Title, row.Department, row.Period, row.Contribution, row.Rationale, row.UpdatedAt)).ToList(),
        };
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

    private sealed class MemberRow
    {
        public Guid PersonId { get; init; }

        public required string Role { get; init; }

        public DateTimeOffset AssignedAt { get; init; }

        public DateTimeOffset? ConfirmedAt { get; init; }
    }

    private sealed class AlignmentRow
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
