using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>
/// A person's standing in a community changed. <paramref name="Status"/> is <c>active</c>,
/// <c>pending</c> or <c>left</c>; <paramref name="Role"/> is <c>lead</c> or <c>member</c>.
/// <paramref name="Version"/> orders the changes of one membership.
/// </summary>
[MessageUrn("knowledgehub:communities:community-membership-changed:v1")]
public sealed record CommunityMembershipChanged(
    Guid CommunityId,
    Guid PersonId,
    string Role,
    string Status,
    long Version,
    DateTimeOffset OccurredAt);
