using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Lucene's default way of applying a filter that can be read at random (the permission and facet
/// filters are bit sets), except that it lets the query's scorer hand over matches in any order when
/// the collector accepts that. Lucene's own strategy always scores in document order, and for a query of
/// optional clauses only (one word in three fields, a typo's near misses) the in-order scorer keeps its
/// clauses in a heap, matching document by document; the scorer that may go out of order adds the clauses'
/// matches into a window of buckets instead. The same totals and documents; a score summed in another order
/// may differ in its last bit.
/// </summary>
internal sealed class InAnyOrder : FilteredQuery.RandomAccessFilterStrategy
{
    public static readonly InAnyOrder Instance = new();

    public override BulkScorer FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet) =>
        RandomAccessBits(docIdSet) is { } accepted
            ? weight.GetBulkScorer(context, scoreDocsInOrder, accepted)
            : base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);

    /// <summary>
    /// The filter's documents to test each match against, when Lucene's strategy would read them so: a set
    /// that can be read at random and is not sparse at its start. Null when it would leap-frog from one of
    /// the filter's documents to the next instead, or the filter has none.
    /// </summary>
    public IBits? RandomAccessBits(DocIdSet docIdSet)
    {
        var first = docIdSet.GetIterator()?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS;
        return first != DocIdSetIterator.NO_MORE_DOCS && docIdSet.Bits is { } accepted && UseRandomAccess(accepted, first) ? accepted : null;
    }
}
