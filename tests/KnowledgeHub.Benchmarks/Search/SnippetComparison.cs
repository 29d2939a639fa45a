using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Search.Index.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>
/// The hand-written <see cref="Snippets"/> against Lucene.Net's highlighter (issue 22, ADR 0081) on
/// the same hits of the query mix: time per snippet, and what each shows of why a hit matched (the
/// distinct words marked, and how often a snippet marks nothing).
/// </summary>
internal sealed partial class SnippetComparison(int documents, int queries)
{
    private const int FragmentLength = 200;
    private const int HitsPerQuery = 10;

    public async Task RunAsync(Report report)
    {
        var data = System.IO.Directory.CreateTempSubdirectory("kh-bench-snippets-").FullName;
        try
        {
            var corpus = new SyntheticCorpus();
            string generation;
            using (var index = await SyntheticIndex.BuildAsync(Path.Combine(data, "search-index"), corpus, documents))
            {
                generation = index.Path;
            }

            var texts = Enumerable.Range(0, queries * 2).Select(_ => QueryMix.Next(corpus).Search?.Text).OfType<string>().Take(queries).ToList();
            var (handWritten, highlighter) = Compare(generation, texts);
            foreach (var (name, side) in new[] { ("hand-written Snippets", handWritten), ("Lucene.Net highlighter", highlighter) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {side.Times}; {side.MarkedWords.Average():0.00} distinct words marked a snippet; {side.Unmarked} of {side.MarkedWords.Count} mark nothing"));
                report.Add($"snippet time p50, {name}", side.Times.P50 * 1000, "µs", "-", null);
                report.Add($"snippet time p99, {name}", side.Times.P99 * 1000, "µs", "-", null);
                report.Add($"distinct words marked per snippet, {name}", side.MarkedWords.Average(), "", "-", null);
                report.Add($"snippets marking nothing, {name}", 100.0 * side.Unmarked / side.MarkedWords.Count, "%", "-", null);
            }
        }
        finally
        {
            System.IO.Directory.Delete(data, recursive: true);
        }
    }

    private static (Side HandWritten, Side Highlighter) Compare(string indexPath, IReadOnlyList<string> texts)
    {
        using var analyzers = new LuceneAnalyzers();
        using var directory = new PositionalReadDirectory(indexPath);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var (handWritten, highlighter) = (new SideSamples(), new SideSamples());
        foreach (var text in texts)
        {
            var words = QueryTerms.Words(analyzers, text);
            var (scored, withPhrases, bodyTerms) = LuceneQueryBuilder.Scored(reader, text, words);
            var scorer = new QueryScorer(withPhrases ?? scored, LuceneFields.Body);
            var lucene = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentLength),
            };
            foreach (var hit in searcher.Search(scored, HitsPerQuery).ScoreDocs)
            {
                var body = searcher.Doc(hit.Doc).Get(LuceneFields.BodyExcerpt) ?? "";
                handWritten.Add(() => Snippets.Build(analyzers.English, body, bodyTerms));
                highlighter.Add(() => lucene.GetBestFragment(analyzers.English, LuceneFields.Body, body) ?? WebUtility.HtmlEncode(body[..Math.Min(FragmentLength, body.Length)]));
            }
        }

        return (handWritten.Summary(), highlighter.Summary());
    }

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex Marked();

    private sealed record Side(Latencies Times, IReadOnlyList<int> MarkedWords, int Unmarked);

    private sealed class SideSamples
    {
        private readonly List<double> _milliseconds = [];
        private readonly List<int> _markedWords = [];

        public void Add(Func<string> snippet)
        {
            var started = Stopwatch.GetTimestamp();
            var text = snippet();
            _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _markedWords.Add(Marked().Matches(text).Select(match => match.Groups[1].Value.ToLowerInvariant()).Distinct().Count());
        }

        public Side Summary() => new(new Latencies(_milliseconds), _markedWords, _markedWords.Count(count => count == 0));
    }
}
