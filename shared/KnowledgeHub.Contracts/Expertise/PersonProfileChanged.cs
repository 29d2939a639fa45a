using MassTransit;

namespace KnowledgeHub.Contracts.Expertise;

/// <summary>
/// The full current profile of a person, published on every change. <paramref name="Version"/>
/// grows with each change, so a consumer keeps only the newest.
/// </summary>
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
    DateTimeOffset UpdatedAt);
