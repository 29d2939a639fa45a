namespace KnowledgeHub.Search.Index;

/// <summary>
/// A search as the index runs it. An empty <see cref="Text"/> lists the most recently updated
/// documents. <see cref="ViewerCommunities"/> are the communities whose restricted documents the
/// viewer may see.
/// </summary>
internal sealed record SearchQuery(
    string? Text,
    IReadOnlySet<string> Types,
    string? Department,
    string? Tag,
    IReadOnlyCollection<Guid> ViewerCommunities,
    int Offset,
    int Limit);

internal sealed record SearchHit(
    string Type,
    Guid Id,
    string Title,
    string Snippet,
    string? Department,
    IReadOnlyList<string> Tags,
    string Url,
    double Score,
    DateTimeOffset UpdatedAt);

/// <summary>Facet counts per dimension (type, department, tag), over every match the viewer may see.</summary>
internal sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);
