using Microsoft.Extensions.Configuration;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>Bound from <c>Search:Elasticsearch</c>; the adapter is used when <see cref="Url"/> is set.</summary>
internal sealed class ElasticsearchSettings
{
    public const string SectionName = "Search:Elasticsearch";

    public Uri? Url { get; set; }

    /// <summary>The alias searches go through; each generation is an index named after it.</summary>
    public string Alias { get; set; } = "knowledgehub-search";

    /// <summary>How often the live index refreshes: a write is searchable within this (and a bulk round).</summary>
    public string RefreshInterval { get; set; } = "500ms";

    /// <summary>Writes waiting together are sent as one bulk request of at most this many actions.</summary>
    public int MaxBulkActions { get; set; } = 500;

    public static ElasticsearchSettings? From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<ElasticsearchSettings>() switch
        {
            { Url: null } or null => null,
            { MaxBulkActions: < 1 } => throw new InvalidOperationException($"'{SectionName}:{nameof(MaxBulkActions)}' must be at least 1."),
            { Alias: var alias } when string.IsNullOrWhiteSpace(alias) => throw new InvalidOperationException($"'{SectionName}:{nameof(Alias)}' must not be empty."),
            var settings => settings,
        };
}
