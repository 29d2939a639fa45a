using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>A post (and with it its answers) was deleted by its author or a lead.</summary>
[MessageUrn("knowledgehub:communities:post-removed:v1")]
public sealed record PostRemoved(Guid PostId, Guid CommunityId, Guid AuthorId, long Version, DateTimeOffset RemovedAt);
