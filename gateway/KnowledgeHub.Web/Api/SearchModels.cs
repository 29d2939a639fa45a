namespace KnowledgeHub.Web.Api;

public sealed record SearchHit(string Type, string Id, string Title, string? Snippet, string? Department, IReadOnlyList<string>? Tags, string? Url);

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);
