using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>What users type: common and rare words, pairs, typos, filters, empty boxes and suggestions.</summary>
internal static class QueryMix
{
    public sealed record Query(string Kind, SearchQuery? Search, SuggestQuery? Suggest);

    public static Query Next(SyntheticCorpus corpus)
    {
        var communities = Enumerable.Range(0, corpus.Next(4)).Select(_ => corpus.ClosedCommunities[corpus.Next(SyntheticCorpus.Communities)]).ToArray();
        var roll = corpus.Next(100);
        return roll switch
        {
            < 25 => Search("one word", corpus.Word(), communities),
            < 45 => Search("two words", $"{corpus.Word()} {corpus.Word()}", communities),
            < 60 => Search("typo", Typo(corpus.Word()), communities),
            < 70 => Search("four words", corpus.Sentence(4), communities),
            < 80 => Search("filtered", corpus.Word(), communities, types: [DocumentTypes.Post], department: corpus.Department()),
            < 85 => Search("empty", null, communities),
            _ => new Query("suggest", null, new SuggestQuery(corpus.Word()[..2] + (corpus.Next(2) == 0 ? "" : corpus.Word()[..1]), communities, 10)),
        };
    }

    public static async Task RunAsync(ISearchIndex index, Query query)
    {
        if (query.Search is not null)
        {
            await index.SearchAsync(query.Search, CancellationToken.None);
        }
        else
        {
            await index.SuggestAsync(query.Suggest!, CancellationToken.None);
        }
    }

    // The benchmark's reader belongs to no closed community; the in-process run must ask the same.
    public static Query AsOutsider(Query query) =>
        query with { Search = query.Search is null ? null : query.Search with { ViewerCommunities = [] }, Suggest = query.Suggest is null ? null : query.Suggest with { ViewerCommunities = [] } };

    /// <summary>The query through a hub's gateway, as the web UI asks it.</summary>
    public static async Task SendAsync(HttpClient client, Query query)
    {
        using var response = await client.GetAsync(Url(query));
        response.EnsureSuccessStatusCode();
    }

    private static string Url(Query query)
    {
        if (query.Suggest is { } suggest)
        {
            return $"/api/search/suggest?q={Uri.EscapeDataString(suggest.Text)}";
        }

        var search = query.Search!;
        var parameters = new List<string>();
        if (search.Text is not null)
        {
            parameters.Add($"q={Uri.EscapeDataString(search.Text)}");
        }

        parameters.AddRange(search.Types.Select(type => $"type={type}"));
        if (search.Department is not null)
        {
            parameters.Add($"department={search.Department}");
        }

        return "/api/search?" + string.Join('&', parameters);
    }

    private static Query Search(string kind, string? text, Guid[] communities, string[]? types = null, string? department = null) =>
        new(kind, new SearchQuery(text, new HashSet<string>(types ?? [], StringComparer.Ordinal), department, null, communities, 0, 20), null);

    private static string Typo(string word) => word.Length < 5 ? word : word[..2] + word[3..];
}
