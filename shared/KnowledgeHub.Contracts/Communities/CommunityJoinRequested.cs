using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>
/// A person asked to join a closed community (or to come back after a lead removed them).
/// <paramref name="Leads"/> are the community's active leads at that moment, who decide;
/// <paramref name="Version"/> is the membership's, so a second request after a decline is a new one.
/// </summary>
[MessageUrn("knowledgehub:communities:community-join-requested:v1")]
public sealed record CommunityJoinRequested(
    Guid CommunityId,
    string CommunitySlug,
    string CommunityName,
    Guid PersonId,
    string PersonDisplayName,
    IReadOnlyList<Guid> Leads,
    long Version,
    DateTimeOffset RequestedAt);
