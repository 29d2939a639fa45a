using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>
/// An active project has had no status report within the scorecard's stale window (30 days) since
/// <paramref name="LastReportedAt"/> (or its creation, when it has none): its lead owes one.
/// Published once per project and window; <paramref name="DueSince"/> names the window.
/// </summary>
[MessageUrn("knowledgehub:alignment:project-status-report-due:v1")]
public sealed record ProjectStatusReportDue(
    Guid ProjectId,
    string ProjectName,
    Guid LeadId,
    DateTimeOffset? LastReportedAt,
    DateTimeOffset DueSince);
