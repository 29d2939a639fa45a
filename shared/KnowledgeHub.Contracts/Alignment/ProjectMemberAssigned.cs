using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>A person was assigned to a project (or their role changed): evidence of expertise in the project's tags.</summary>
[MessageUrn("knowledgehub:alignment:project-member-assigned:v1")]
public sealed record ProjectMemberAssigned(
    Guid ProjectId,
    string ProjectName,
    IReadOnlyList<string> ProjectTags,
    Guid PersonId,
    string Role,
    DateTimeOffset AssignedAt);
