using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>An IT project was created or edited; the full current state.</summary>
[MessageUrn("knowledgehub:alignment:project-changed:v1")]
public sealed record ProjectChanged(
    Guid ProjectId,
    string Name,
    string Description,
    string SponsorDepartment,
    IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<string> Tags,
    string Status,
    Guid LeadId,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
