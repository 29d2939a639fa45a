using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>A lead approved (<paramref name="Approved"/>) or declined a pending request to join.</summary>
[MessageUrn("knowledgehub:communities:community-join-decided:v1")]
public sealed record CommunityJoinDecided(
    Guid CommunityId,
    string CommunitySlug,
    string CommunityName,
    Guid PersonId,
    bool Approved,
    Guid DecidedBy,
    long Version,
    DateTimeOffset DecidedAt);
