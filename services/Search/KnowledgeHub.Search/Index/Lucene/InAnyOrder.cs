using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Lucene's default way of applying a filter that can be read at random (the permission and facet
/// filters are bit sets), except that it lets the query's scorer hand over matches in any order when
/// the collector accepts that. Lucene's own strategy always scores in document order, and for a query of
/// optional clauses only (one word in three fields, a typo's near misses) the in-order scorer keeps its
/// clauses in a heap, matching document by document; the scorer that may go out of order adds the clauses'
/// matches into a window of buckets instead. Scores, totals and collected documents are the same.
/// </summary>
internal sealed class InAnyOrder : FilteredQuery.RandomAccessFilterStrategy
{
    public static readonly InAnyOrder Instance = new();

    public override BulkScorer FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet)
    {
        var filterIterator = docIdSet.GetIterator();
        if (filterIterator is null || filterIterator.NextDoc() is var first && first == DocIdSetIterator.NO_MORE_DOCS)
        {
            return null!;
        }

        // The same choice as Lucene's strategy: a set that can be read at random and is not sparse at its start.
        return docIdSet.Bits is { } accepted && UseRandomAccess(accepted, first)
            ? weight.GetBulkScorer(context, scoreDocsInOrder, accepted)
            : base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);
    }
}
