using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>A person left a project.</summary>
[MessageUrn("knowledgehub:alignment:project-member-removed:v1")]
public sealed record ProjectMemberRemoved(Guid ProjectId, Guid PersonId, DateTimeOffset RemovedAt);
