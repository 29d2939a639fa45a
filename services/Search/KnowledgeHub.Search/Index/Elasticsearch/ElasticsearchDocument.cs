using System.Text.Json.Serialization;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// How a <see cref="SearchDocument"/> or a tombstone is stored in Elasticsearch, and what a hit's
/// source reads back. Names are the index's field names; unset fields are left out, so a tombstone
/// has no <c>access</c> and no query finds it.
/// </summary>
internal sealed record ElasticsearchDocument
{
    public const string Public = "public";

    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("id")] public Guid? Id { get; init; }

    [JsonPropertyName("title")] public string? Title { get; init; }

    [JsonPropertyName("body")] public string? Body { get; init; }

    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; init; }

    [JsonPropertyName("skills")] public IReadOnlyList<string>? Skills { get; init; }

    [JsonPropertyName("departments")] public IReadOnlyList<string>? Departments { get; init; }

    [JsonPropertyName("access")] public string? Access { get; init; }

    [JsonPropertyName("removed")] public bool? Removed { get; init; }

    [JsonPropertyName("url")] public string? Url { get; init; }

    [JsonPropertyName("version")] public long? Version { get; init; }

    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; init; }

    public static ElasticsearchDocument Of(SearchDocument document) => new()
    {
        Type = document.Type,
        Id = document.Id,
        Title = document.Title,
        Body = document.Body,
        Tags = document.Tags,
        Skills = document.Type == DocumentTypes.Person ? document.Tags : null,
        Departments = document.Departments,
        Access = document.RestrictedToCommunity?.ToString("D") ?? Public,
        Url = document.Url,
        Version = document.Version,
        CreatedAt = document.CreatedAt.ToUniversalTime(),
        UpdatedAt = document.UpdatedAt.ToUniversalTime(),
    };

    /// <summary>A removed document's key and version: a document itself, since deletes keep their version only for <c>index.gc_deletes</c>.</summary>
    public static ElasticsearchDocument Tombstone(DocumentRemoval removal) => new()
    {
        Removed = true,
        Version = removal.Version,
        UpdatedAt = removal.RemovedAt.ToUniversalTime(),
    };
}
