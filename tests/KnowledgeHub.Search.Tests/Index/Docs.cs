using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>Search documents for index tests, with sensible defaults for what a test does not care about.</summary>
internal static class Docs
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SearchDocument Make(
        string type,
        string title,
        string body = "",
        string[]? tags = null,
        string[]? departments = null,
        Guid? restrictedTo = null,
        long version = 1,
        DateTimeOffset? updatedAt = null,
        Guid? id = null)
    {
        var documentId = id ?? Guid.NewGuid();
        var updated = updatedAt ?? Epoch;
        return new SearchDocument(type, documentId, title, body, tags ?? [], departments ?? [], restrictedTo, $"/{type}s/{documentId}", version, updated, updated);
    }

    public static SearchQuery Query(
        string? text,
        string[]? types = null,
        string? department = null,
        string? tag = null,
        Guid[]? communities = null,
        int offset = 0,
        int limit = 20) =>
        new(text, new HashSet<string>(types ?? [], StringComparer.Ordinal), department, tag, communities ?? [], offset, limit);
}
