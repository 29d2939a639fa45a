using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Collects a scored query's matches into the best documents and the facets, segment by segment.
/// A costly query on a large segment is collected in two halves of the segment's documents at once,
/// each half on its own thread with its own collectors, merged after: at a million documents a search
/// for common words scores most of the index, and on a machine with a core to spare the two halves
/// answer it in a little over half the time. The halves are told apart by the documents each accepts,
/// so each still reads all the postings but scores and collects only its own half.
/// </summary>
internal static class HalvedSearch
{
    /// <summary>
    /// The matches (as the scorer estimates them) from which a segment is halved: below it a search
    /// takes a few milliseconds, and a second thread's start and the second reading of the postings
    /// would eat what it saves.
    /// </summary>
    private const long HalvedFrom = 50_000;

    // Searches collecting right now in this process: halves pay only while a core is left for the second.
    private static int _searching;

    public static void Collect(IndexSearcher searcher, Query scored, Filter filter, TopDocumentsCollector top, FacetCollector facets)
    {
        var searching = Interlocked.Increment(ref _searching);
        try
        {
            Collect(searcher, scored, filter, top, facets, searching < Environment.ProcessorCount ? HalvedFrom : long.MaxValue);
        }
        finally
        {
            Interlocked.Decrement(ref _searching);
        }
    }

    /// <param name="halvedFrom">The estimated matches from which a segment is collected in two halves, whatever else runs.</param>
    public static void Collect(IndexSearcher searcher, Query scored, Filter filter, TopDocumentsCollector top, FacetCollector facets, long halvedFrom)
    {
        var weight = searcher.CreateNormalizedWeight(scored);
        var both = MultiCollector.Wrap(top, facets);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var accepted = filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs);
            if (accepted is null)
            {
                continue;
            }

            // Halves test each match against the filter, so only where Lucene would too: a sparse filter is
            // cheaper leap-frogged. The scorer is made for its estimate of the matches only.
            if (InAnyOrder.Instance.RandomAccessBits(accepted) is { } bits && weight.GetScorer(leaf, bits)?.GetCost() >= halvedFrom)
            {
                CollectInHalves(weight, leaf, bits, top, facets);
                continue;
            }

            both.SetNextReader(leaf);
            InAnyOrder.Instance.FilteredBulkScorer(leaf, weight, scoreDocsInOrder: false, accepted)?.Score(both);
        }
    }

    private static void CollectInHalves(Weight weight, AtomicReaderContext leaf, IBits accepted, TopDocumentsCollector top, FacetCollector facets)
    {
        var middle = leaf.AtomicReader.MaxDoc / 2;
        var upperTop = top.Empty();
        var upperFacets = new FacetCollector();
        Parallel.Invoke(
            () => CollectRange(weight, leaf, new DocumentRange(accepted, 0, middle), MultiCollector.Wrap(top, facets)),
            () => CollectRange(weight, leaf, new DocumentRange(accepted, middle, leaf.AtomicReader.MaxDoc), MultiCollector.Wrap(upperTop, upperFacets)));
        top.Add(upperTop);
        facets.Add(upperFacets);
    }

    private static void CollectRange(Weight weight, AtomicReaderContext leaf, DocumentRange range, ICollector collector)
    {
        collector.SetNextReader(leaf);
        weight.GetBulkScorer(leaf, scoreDocsInOrder: false, range)?.Score(collector);
    }

    /// <summary>The accepted documents from <c>first</c> up to, not including, <c>end</c>.</summary>
    private sealed class DocumentRange(IBits accepted, int first, int end) : IBits
    {
        public int Length => accepted.Length;

        public bool Get(int index) => index >= first && index < end && accepted.Get(index);
    }
}
