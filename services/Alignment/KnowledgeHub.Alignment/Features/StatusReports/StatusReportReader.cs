using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.StatusReports;

internal sealed record StatusReportResponse(
    Guid Id,
    Guid ProjectId,
    string Health,
    string Summary,
    string? Risks,
    string? Decisions,
    Guid ReportedBy,
    DateTimeOffset ReportedAt);

internal static class StatusReportReader
{
    /// <summary><paramref name="filter"/> continues <c>FROM project_status_reports r</c> with WHERE, ORDER BY and LIMIT.</summary>
    public static async Task<IReadOnlyList<StatusReportResponse>> ReadAsync(
        DbSession session, string filter, object parameters)
    {
        var rows = await session.QueryAsync<ReportRow>(
            $"""
            SELECT r.id AS Id, r.project_id AS ProjectId, r.health AS Health, r.summary AS Summary, r.risks AS Risks,
                   r.decisions AS Decisions, r.reported_by AS ReportedBy, r.reported_at AS ReportedAt
            FROM project_status_reports r
            {filter}
            """,
            parameters);
        return rows.Select(row => new StatusReportResponse(
            row.Id, row.ProjectId, row.Health, row.Summary, row.Risks, row.Decisions, row.ReportedBy, row.ReportedAt)).ToList();
    }

    private sealed class ReportRow
    {
        public Guid Id { get; init; }

        public Guid ProjectId { get; init; }

        public required string Health { get; init; }

        public required string Summary { get; init; }

        public string? Risks { get; init; }

        public string? Decisions { get; init; }

        public Guid ReportedBy { get; init; }

        public DateTimeOffset ReportedAt { get; init; }
    }
}
