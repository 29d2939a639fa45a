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
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets)
{
    public const int MaxFacetValues = 20;

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> RankFacets(
        IReadOnlyDictionary<string, int> types,
        IReadOnlyDictionary<string, int> departments,
        IReadOnlyDictionary<string, int> tags) =>
        new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal)
        {
            ["type"] = Ranked(types),
            ["department"] = Ranked(departments),
            ["tag"] = Ranked(tags),
        };

    /// <summary>The most frequent values of a dimension, most frequent first, ties by name.</summary>
    private static IReadOnlyDictionary<string, int> Ranked(IReadOnlyDictionary<string, int> counts) =>
        counts
            .Where(pair => pair.Value > 0)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxFacetValues)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}

/// <summary>
/// Completions for what a user has typed so far: titles (people's names among them) whose words
/// start with the typed words, and skills that start with the typed text.
/// </summary>
internal sealed record SuggestQuery(string Text, IReadOnlyCollection<Guid> ViewerCommunities, int Limit);

/// <summary>A completion; <see cref="Id"/> is null for a skill, which is no document of its own.</summary>
internal sealed record Suggestion(string Text, string Type, Guid? Id)
{
    public const string SkillType = "skill";
}
