using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// One Elasticsearch index (one generation). Writes are bulk-batched with external versioning;
/// searches run one request with highlight and aggregations; suggestions one multi-search.
/// </summary>
internal sealed class ElasticsearchSearchIndex(string name, Guid? rebuild, ElasticsearchClient client, ElasticsearchSettings settings) : ISearchIndex
{
    private readonly ElasticsearchBulkWriter _writer = new(client, settings.MaxBulkActions);
    private long _feedPosition;

    // A boxed Guid, so that no reader sees half of one.
    private volatile object? _rebuild = rebuild;

    public string Name { get; } = name;

    /// <summary>
    /// Kept in memory only (ADR 0029): the index is shared by every Search instance and external
    /// versions make a re-application harmless, so each start refills it from the stored documents.
    /// </summary>
    public long FeedPosition => Interlocked.Read(ref _feedPosition);

    public void AdvanceFeedPosition(long position) => Interlocked.Exchange(ref _feedPosition, position);

    /// <summary>Known from the index's name (the store names a rebuild's index after it), and otherwise kept in memory like the feed position.</summary>
    public Guid? Rebuild => (Guid?)_rebuild;

    public void RecordRebuild(Guid reindexId) => _rebuild = reindexId;

    public Task<bool> UpsertAsync(SearchDocument document, CancellationToken cancellationToken) =>
        _writer.WriteAsync(Name, document.Key, document.Version, tombstone: false, ElasticsearchDocument.Of(document), cancellationToken);

    public Task<bool> RemoveAsync(DocumentRemoval removal, CancellationToken cancellationToken) =>
        _writer.WriteAsync(Name, removal.Key, removal.Version, tombstone: true, ElasticsearchDocument.Tombstone(removal), cancellationToken);

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var response = (await client.SearchAsync<ElasticsearchDocument>(ElasticsearchQueries.Search(Name, query), cancellationToken)).Checked($"a search of {Name}");
        var aggregations = response.Aggregations;
        return new SearchResults(
            (int)response.Total,
            response.Hits.Select(ToHit).ToList(),
            SearchResults.RankFacets(Buckets(aggregations, "type"), Buckets(aggregations, "department"), Buckets(aggregations, "tag")));
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestQuery query, CancellationToken cancellationToken)
    {
        if (ElasticsearchQueries.Words(query.Text).All(word => word.Length < ElasticsearchMappings.MinPrefix))
        {
            return [];
        }

        var response = (await client.MultiSearchAsync<ElasticsearchDocument>(ElasticsearchQueries.Suggest(Name, query), cancellationToken)).Checked($"suggestions from {Name}");
        var answers = response.Responses.Select(answer => answer.Match(
            found => found!,
            failed => throw new HttpRequestException($"Elasticsearch failed a suggestion search of {Name} with {failed!.Status}: {failed.Error?.Type} {failed.Error?.Reason}"))).ToList();
        var titles = answers[0].Hits
            .Select(hit => hit.Source!)
            .Select(source => new Suggestion(source.Title!, source.Type!, source.Id))
            .ToList();
        var skills = Buckets(answers[1].Aggregations, "skills").Keys
            .Select(skill => new Suggestion(skill, Suggestion.SkillType, null))
            .ToList();

        // The same split as the embedded adapter: skills take at most a third unless titles leave room.
        var skillSlots = Math.Min(skills.Count, Math.Max(query.Limit - titles.Count, (query.Limit + 2) / 3));
        return titles.Take(query.Limit - skillSlots).Concat(skills.Take(skillSlots)).ToList();
    }

    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        (await client.Indices.RefreshAsync(Name, cancellationToken)).Checked($"refreshing {Name}");

    public void Dispose() => _writer.Dispose();

    private static SearchHit ToHit(Hit<ElasticsearchDocument> hit)
    {
        var source = hit.Source!;
        var snippet = hit.Highlight is { } highlight && highlight.TryGetValue("body", out var fragments) ? fragments.FirstOrDefault() ?? "" : "";
        return new SearchHit(
            source.Type!,
            source.Id!.Value,
            source.Title!,
            snippet,
            source.Departments?.FirstOrDefault(),
            source.Tags ?? [],
            source.Url!,
            hit.Score ?? 0,
            source.UpdatedAt!.Value);
    }

    private static Dictionary<string, int> Buckets(AggregateDictionary? aggregations, string name) =>
        (aggregations?.GetStringTerms(name)?.Buckets ?? [])
            .ToDictionary(bucket => bucket.Key.ToString(), bucket => (int)bucket.DocCount, StringComparer.Ordinal);
}
