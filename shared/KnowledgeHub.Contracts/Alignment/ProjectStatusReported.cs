using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>A project's status report. <paramref name="Health"/> is green, amber or red.</summary>
[MessageUrn("knowledgehub:alignment:project-status-reported:v1")]
public sealed record ProjectStatusReported(
    Guid ProjectId,
    Guid ReportId,
    string Health,
    string Summary,
    Guid ReportedBy,
    DateTimeOffset ReportedAt);
