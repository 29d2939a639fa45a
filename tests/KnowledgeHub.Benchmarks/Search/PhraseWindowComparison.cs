using System.Diagnostics;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>
/// The phrase clauses scored over every match (as before ADR 0081) against scored on the best
/// matches only (<see cref="PhraseRescoring"/>), on one index and the same queries of two and four
/// words, taken in turns: the time of each, and how often the first page differs.
/// </summary>
internal static class PhraseWindowComparison
{
    private const int Page = 20;

    /// <summary>The window the product uses, and narrower ones, to show what a window misses and what it saves.</summary>
    private static readonly int[] Windows = [100, 300, PhraseRescoring.Window];

    /// <summary>Runs <paramref name="queries"/> queries of two and four words on the index generation at <paramref name="generation"/>.</summary>
    public static void Compare(string generation, SyntheticCorpus corpus, int documents, int queries, Report report)
    {
        var texts = Enumerable.Range(0, queries)
            .Select(number => number % 2 == 0 ? $"{corpus.Word()} {corpus.Word()}" : corpus.Sentence(4))
            .ToList();
        using var analyzers = new LuceneAnalyzers();
        using var directory = new PositionalReadDirectory(generation);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var filter = LuceneQueryBuilder.Filter(new SearchQuery(null, new HashSet<string>(), null, null, [], 0, Page));
        var everyMatch = new List<double>();
        var windows = Windows.ToDictionary(window => window, _ => (Times: new List<double>(), DifferentPages: 0));
        foreach (var text in texts)
        {
            var (scored, withPhrases, _) = LuceneQueryBuilder.Scored(reader, text, QueryTerms.Words(analyzers, text));
            var old = Timed(everyMatch, () => Collect(searcher, withPhrases!, filter, Page).Hits());
            foreach (var window in Windows)
            {
                var windowed = Timed(windows[window].Times, () => PhraseRescoring.Rescore(searcher, withPhrases!, Collect(searcher, scored, filter, window).Hits()));
                var same = old.Select(hit => hit.Doc).SequenceEqual(windowed.Take(Page).Select(hit => hit.Doc));
                windows[window] = windows[window] with { DifferentPages = windows[window].DifferentPages + (same ? 0 : 1) };
            }
        }

        var before = new Latencies(everyMatch);
        Console.WriteLine($"  phrases over every match: {before}");
        report.Add($"{documents:N0} documents, queries of 2 and 4 words, p99: phrases over every match", before.P99, "ms", "-", null);
        foreach (var (window, (times, differentPages)) in windows)
        {
            var after = new Latencies(times);
            Console.WriteLine($"  phrases on the best {window}: {after}; first pages that differ: {differentPages} of {texts.Count}");
            report.Add($"{documents:N0} documents, queries of 2 and 4 words, p99: phrases on the best {window}", after.P99, "ms", "-", null);
            report.Add($"{documents:N0} documents, first pages (of {Page}) that differ, window {window}", differentPages, $"of {texts.Count}", "-", null);
        }
    }

    private static TopDocumentsCollector Collect(IndexSearcher searcher, Query query, Filter filter, int size)
    {
        var top = new TopDocumentsCollector(size, byScore: true);
        searcher.Search(query, filter, top);
        return top;
    }

    private static IReadOnlyList<TopDocumentsCollector.Hit> Timed(List<double> samples, Func<IReadOnlyList<TopDocumentsCollector.Hit>> search)
    {
        var started = Stopwatch.GetTimestamp();
        var hits = search();
        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return hits;
    }
}
