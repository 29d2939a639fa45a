using MassTransit;

namespace KnowledgeHub.Contracts.Communities;

/// <summary>A community was created or edited. <paramref name="Visibility"/> is <c>open</c> or <c>closed</c>.</summary>
/// <param name="ReplayOf">Set only when the message is part of a service's replay for Search's rebuild: the
/// <see cref="Search.ReindexRequested.ReindexId"/> it answers. Search counts such messages toward the replay's
/// announced total; live changes leave it unset (ADR 0046).</param>
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
    DateTimeOffset UpdatedAt,
    Guid? ReplayOf = null);
