using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>A post was edited, or its community's visibility changed; the full current state.</summary>
[MessageUrn("knowledgehub:communities:post-updated:v1")]
public sealed record PostUpdated(
    Guid PostId,
    Guid CommunityId,
    string CommunityVisibility,
    string Type,
    string Title,
    string Body,
    IReadOnlyList<string> Tags,
    Guid AuthorId,
    string? AuthorDepartment,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
