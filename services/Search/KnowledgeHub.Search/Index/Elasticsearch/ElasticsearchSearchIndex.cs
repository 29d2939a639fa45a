using System.Globalization;
using System.Text.Json;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// One Elasticsearch index (one generation). Writes are bulk-batched with external versioning;
/// searches run one request with highlight and aggregations; suggestions one multi-search.
/// </summary>
internal sealed class ElasticsearchSearchIndex(string name, ElasticsearchClient client, ElasticsearchSettings settings) : ISearchIndex
{
    private readonly ElasticsearchBulkWriter _writer = new(client, settings.MaxBulkActions);
    private long _feedPosition;

    public string Name { get; } = name;

    /// <summary>
    /// Kept in memory only (ADR 0029): the index is shared by every Search instance and external
    /// versions make a re-application harmless, so each start refills it from the stored documents.
    /// </summary>
    public long FeedPosition => Interlocked.Read(ref _feedPosition);

    public void AdvanceFeedPosition(long position) => Interlocked.Exchange(ref _feedPosition, position);

    public Task<bool> UpsertAsync(SearchDocument document, CancellationToken cancellationToken) =>
        _writer.WriteAsync(Name, document.Key, document.Version, tombstone: false, ElasticsearchDocuments.Source(document), cancellationToken);

    public Task<bool> RemoveAsync(DocumentRemoval removal, CancellationToken cancellationToken) =>
        _writer.WriteAsync(Name, removal.Key, removal.Version, tombstone: true, ElasticsearchDocuments.Tombstone(removal), cancellationToken);

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        using var response = await client.SearchAsync(Name, ElasticsearchQueries.Search(query), cancellationToken);
        var root = response.RootElement;
        var hits = root.GetProperty("hits");
        var items = hits.GetProperty("hits").EnumerateArray().Select(ToHit).ToList();
        var aggregations = root.GetProperty("aggregations");
        return new SearchResults(
            hits.GetProperty("total").GetProperty("value").GetInt32(),
            items,
            SearchResults.RankFacets(Buckets(aggregations, "type"), Buckets(aggregations, "department"), Buckets(aggregations, "tag")));
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestQuery query, CancellationToken cancellationToken)
    {
        if (ElasticsearchQueries.Words(query.Text).All(word => word.Length < ElasticsearchMappings.MinPrefix))
        {
            return [];
        }

        using var response = await client.MultiSearchAsync(Name, [ElasticsearchQueries.SuggestTitles(query), ElasticsearchQueries.SuggestSkills(query)], cancellationToken);
        var responses = response.RootElement.GetProperty("responses");
        var titles = responses[0].GetProperty("hits").GetProperty("hits").EnumerateArray()
            .Select(hit => hit.GetProperty("_source"))
            .Select(source => new Suggestion(source.GetProperty("title").GetString()!, source.GetProperty("type").GetString()!, Guid.Parse(source.GetProperty("id").GetString()!, CultureInfo.InvariantCulture)))
            .ToList();
        var skills = Buckets(responses[1].GetProperty("aggregations"), "skills").Keys
            .Select(skill => new Suggestion(skill, Suggestion.SkillType, null))
            .ToList();

        // The same split as the embedded adapter: skills take at most a third unless titles leave room.
        var skillSlots = Math.Min(skills.Count, Math.Max(query.Limit - titles.Count, (query.Limit + 2) / 3));
        return titles.Take(query.Limit - skillSlots).Concat(skills.Take(skillSlots)).ToList();
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => client.RefreshAsync(Name, cancellationToken);

    public void Dispose() => _writer.Dispose();

    private static SearchHit ToHit(JsonElement hit)
    {
        var source = hit.GetProperty("_source");
        var snippet = hit.TryGetProperty("highlight", out var highlight) && highlight.TryGetProperty("body", out var fragments) && fragments.GetArrayLength() > 0
            ? fragments[0].GetString() ?? ""
            : "";
        return new SearchHit(
            source.GetProperty("type").GetString()!,
            Guid.Parse(source.GetProperty("id").GetString()!, CultureInfo.InvariantCulture),
            source.GetProperty("title").GetString()!,
            snippet,
            Strings(source, "departments").FirstOrDefault(),
            Strings(source, "tags"),
            source.GetProperty("url").GetString()!,
            hit.TryGetProperty("_score", out var score) && score.ValueKind == JsonValueKind.Number ? score.GetDouble() : 0,
            source.GetProperty("updated_at").GetDateTimeOffset());
    }

    private static List<string> Strings(JsonElement source, string property) =>
        source.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(value => value.GetString()!).ToList()
            : [];

    private static Dictionary<string, int> Buckets(JsonElement aggregations, string name) =>
        aggregations.GetProperty(name).GetProperty("buckets").EnumerateArray()
            .ToDictionary(bucket => bucket.GetProperty("key").GetString()!, bucket => bucket.GetProperty("doc_count").GetInt32(), StringComparer.Ordinal);
}
