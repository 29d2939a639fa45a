using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>A community was created or edited. <paramref name="Visibility"/> is <c>open</c> or <c>closed</c>.</summary>
[MessageUrn("knowledgehub:communities:community-changed:v1")]
public sealed record CommunityChanged(
    Guid CommunityId,
    string Slug,
    string Name,
    string Description,
    IReadOnlyList<string> Tags,
    string Visibility,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
