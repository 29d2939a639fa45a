using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>
/// A post (article, question, event or resource) was published. It carries the community's
/// visibility so that search can keep a closed community's posts to its members.
/// </summary>
[MessageUrn("knowledgehub:communities:post-published:v1")]
public sealed record PostPublished(
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
