namespace KnowledgeHub.Web.Api;

public sealed record SearchHit(string Type, string Id, string Title, string? Snippet, string? Department, IReadOnlyList<string>? Tags, string? Url);

public sealed record SearchResults(
    int Total, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets, string? NextCursor = null);

/// <summary>A completion of typed words: a title, a person's name or (type <c>skill</c>, no id) a skill.</summary>
public sealed record SearchSuggestion(string Text, string Type, string? Id);

/// <summary>A skill of the taxonomy, as the skill list names it.</summary>
public sealed record SkillName(string Name);
