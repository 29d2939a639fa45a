namespace KnowledgeHub.Web.Api;

internal sealed record SearchHit(string Type, string Id, string Title, string? Snippet, string? Department, IReadOnlyList<string>? Tags, string? Url);

internal sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);
