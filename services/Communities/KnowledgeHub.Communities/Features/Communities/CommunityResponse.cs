namespace KnowledgeHub.Communities.Features.Communities;

internal sealed record PersonReference(Guid Id, string DisplayName);

/// <summary>The caller's own standing, so a client knows whether to offer "join" or "post".</summary>
internal sealed record ViewerMembership(string Role, string Status);

internal sealed record CommunityResponse(
    Guid Id,
    string Slug,
    string Name,
    string Description,
    IReadOnlyList<string> Tags,
    string Visibility,
    IReadOnlyList<PersonReference> Leads,
    int MemberCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ViewerMembership? Membership,
    long Version);
