using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// A search collected in two halves of each segment at once, or in one pass with matches in any order
/// (<see cref="HalvedSearch"/>), finds what Lucene's own search in document order finds: the same total,
/// the same best documents in the same order with the same scores, and the facet counts of its matches'
/// stored fields. Three segments, one with removed documents, public and closed-community documents, each
/// kind of query of the mix, one of them a word in three documents of four.
/// </summary>
public sealed class Halved_search : IDisposable
{
    private static readonly string[] Words = ["kafka", "billing", "outage", "ledger", "pipeline", "latency", "schema", "audit"];
    private static readonly string[] Departments = ["IT", "Finance", "Operations", "Legal"];
    private static readonly Guid ClosedCommunity = Guid.NewGuid();

    private readonly LuceneAnalyzers _analyzers = new();
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public Halved_search()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneAnalyzers.Version, _analyzers.Indexing) { MergePolicy = NoMergePolicy.COMPOUND_FILES }))
        {
            var random = new Random(2026);
            for (var segment = 0; segment < 3; segment++)
            {
                for (var at = 0; at < 400; at++)
                {
                    writer.AddDocument(LuceneFields.ToLucene(RandomDocument(random, segment * 400 + at)));
                }

                writer.Commit();
            }

            // Removed documents in the first segment: a half must not count them either.
            writer.DeleteDocuments(new TermQuery(new Term(LuceneFields.Department, "Legal")));
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public static TheoryData<string, string?, string[], Guid[]> Searches() => new()
    {
        { "one common word", "kafka", [], [] },
        { "two words", "billing outage", [], [] },
        { "four words, three of which must match", "ledger pipeline latency schema", [], [] },
        { "a typo", "pipelne", [], [] },
        { "a filter on type and department", "audit", [DocumentTypes.Post], [] },
        { "a member of a closed community", "kafka ledger", [], [ClosedCommunity] },
        { "no text, a type filter", null, [DocumentTypes.Project], [] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void Finds_what_a_search_in_document_order_finds(string what, string? text, string[] types, Guid[] communities)
    {
        var searcher = new IndexSearcher(_reader);
        var query = Docs.Query(text, types, department: types.Length > 0 && text is not null ? "IT" : null, communities: communities);
        var (scored, _, _) = LuceneQueryBuilder.Scored(_reader, query.Text, QueryTerms.Words(_analyzers, query.Text));
        var filter = LuceneQueryBuilder.Filter(query);

        var (expectedTop, _) = Collectors(scored);
        var expectedFacets = new StoredFacets();
        searcher.Search(scored, filter, MultiCollector.Wrap(expectedTop, expectedFacets));
        Assert.True(expectedTop.TotalHits > 30, $"{what}: the corpus must give the search something to split ({expectedTop.TotalHits} matches)");
        var expectedHits = expectedTop.Hits();

        foreach (var halvedFrom in new[] { 1L, long.MaxValue })
        {
            var (top, facets) = Collectors(scored);
            HalvedSearch.Collect(searcher, scored, filter, top, facets, halvedFrom);

            var how = halvedFrom == 1 ? "in halves" : "in one pass";
            Assert.True(expectedTop.TotalHits == top.TotalHits, $"{what}, {how}: {top.TotalHits} matches, expected {expectedTop.TotalHits}");
            var hits = top.Hits();
            Assert.Equal(expectedHits.Select(hit => hit.Doc), hits.Select(hit => hit.Doc));
            // Summed in another order, a score may differ in its last bit.
            Assert.All(expectedHits.Zip(hits), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-5f * pair.First.Score));
            Assert.Equal(expectedFacets.Facets(), facets.Facets());
            Assert.NotEmpty(facets.Facets()["type"]);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    /// <summary>The facets counted from each match's stored fields, one match at a time: what the collectors under test must count.</summary>
    private sealed class StoredFacets : ICollector
    {
        private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _departments = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);
        private AtomicReader? _segment;

        public bool AcceptsDocsOutOfOrder => false;

        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets() => SearchResults.RankFacets(_types, _departments, _tags);

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _segment = context.AtomicReader;

        public void Collect(int doc)
        {
            var stored = _segment!.Document(doc);
            Count(stored.GetValues(LuceneFields.Type), _types);
            Count(stored.GetValues(LuceneFields.Department), _departments);
            Count(stored.GetValues(LuceneFields.Tag), _tags);
        }

        private static void Count(string[] values, Dictionary<string, int> into)
        {
            foreach (var value in values)
            {
                into[value] = into.GetValueOrDefault(value) + 1;
            }
        }
    }

    private static (TopDocumentsCollector Top, FacetCollector Facets) Collectors(Query scored) =>
        (new TopDocumentsCollector(25, byScore: scored is not MatchAllDocsQuery), new FacetCollector());

    /// <summary>Three documents in four hold the first word, the others none of it; the other words are drawn with common ones likelier.</summary>
    private static SearchDocument RandomDocument(Random random, int number)
    {
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[1 + (int)Math.Floor(Math.Pow(random.NextDouble(), 2) * (Words.Length - 1))]));
        var types = new[] { DocumentTypes.Post, DocumentTypes.Project, DocumentTypes.Person };
        return Docs.Make(
            types[number % types.Length],
            Text(3),
            (number % 4 == 0 ? "" : $"{Words[0]} ") + Text(random.Next(5, 40)),
            tags: [Words[1 + random.Next(Words.Length - 1)]],
            departments: [Departments[random.Next(Departments.Length)]],
            restrictedTo: number % 7 == 0 ? ClosedCommunity : null,
            updatedAt: Docs.Epoch.AddMinutes(random.Next(50)));
    }
}
