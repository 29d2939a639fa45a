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

    private static Query Search(string kind, string? text, Guid[] communities, string[]? types = null, string? department = null) =>
        new(kind, new SearchQuery(text, new HashSet<string>(types ?? [], StringComparer.Ordinal), department, null, communities, 0, 20), null);

    private static string Typo(string word) => word.Length < 5 ? word : word[..2] + word[3..];
}
