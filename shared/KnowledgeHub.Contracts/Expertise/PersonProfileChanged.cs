using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// The full current profile of a person, published on every change. <paramref name="Version"/>
/// grows with each change, so a consumer keeps only the newest.
/// </summary>
/// <param name="ReplayOf">Set only when the message is part of a service's replay for Search's rebuild: the
/// <see cref="Search.ReindexRequested.ReindexId"/> it answers. Search counts such messages toward the replay's
/// announced total; live changes leave it unset (ADR 0046).</param>
[MessageUrn("knowledgehub:expertise:person-profile-changed:v1")]
public sealed record PersonProfileChanged(
    Guid PersonId,
    string Email,
    string DisplayName,
    string Department,
    string? Title,
    string? Location,
    string? Bio,
    IReadOnlyList<string> Skills,
    long Version,
    DateTimeOffset UpdatedAt,
    Guid? ReplayOf = null,
    bool Active = true);
