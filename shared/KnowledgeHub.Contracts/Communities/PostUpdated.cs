using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>A post was edited, or its community's visibility changed; the full current state.</summary>
/// <param name="ReplayOf">Set only when the message is part of a service's replay for Search's rebuild: the
/// <see cref="Search.ReindexRequested.ReindexId"/> it answers. Search counts such messages toward the replay's
/// announced total; live changes leave it unset (ADR 0046).</param>
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
    DateTimeOffset UpdatedAt,
    Guid? ReplayOf = null);
