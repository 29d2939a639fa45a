using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>A department was created or renamed. <paramref name="Code"/> is its stable, upper-case key.</summary>
[MessageUrn("knowledgehub:expertise:department-changed:v1")]
public sealed record DepartmentChanged(string Code, string Name, long Version, DateTimeOffset OccurredAt);
