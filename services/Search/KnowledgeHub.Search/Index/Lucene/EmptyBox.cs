using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// The search box left empty, without filters: every document the viewer may see, newest first, with
/// the total and the facets. Matched and counted like any search, it was the dearest query of the mix
/// at a million documents (25 ms, every public document ordered and counted again each time). So the
/// public documents of a segment are summed up once per segment reader and kept for its life: their
/// number, their facet counts and the newest <see cref="NewestKept"/> of them. A segment never changes
/// and new deletions come with a new reader, so a summary never goes stale. The documents of the
/// viewer's closed communities, a small share, are added per search; deeper pages take the general path.
/// </summary>
internal static class EmptyBox
{
    /// <summary>The deepest page answered from the summaries: five pages of the UI's twenty.</summary>
    public const int NewestKept = 100;

    private static readonly ConditionalWeakTable<AtomicReader, Summary> Summaries = [];

    public static bool Answers(SearchQuery query) =>
        string.IsNullOrWhiteSpace(query.Text)
        && query.Types.Count == 0
        && string.IsNullOrEmpty(query.Department)
        && string.IsNullOrEmpty(query.Tag)
        && query.Offset + query.Limit <= NewestKept;

    /// <summary>What a match-all search would have collected into <paramref name="top"/> and <paramref name="facets"/>.</summary>
    public static void Collect(IndexSearcher searcher, IReadOnlyCollection<Guid> viewerCommunities, TopDocumentsCollector top, FacetCollector facets)
    {
        var communities = viewerCommunities.Count == 0 ? null : LuceneQueryBuilder.OfCommunities(viewerCommunities);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var summary = Summaries.GetValue(leaf.AtomicReader, _ => Summarize(leaf));
            top.SetNextReader(leaf);
            top.Count(summary.Total);
            foreach (var doc in summary.Newest)
            {
                top.Offer(doc);
            }

            facets.Add(summary.Facets);
            if (communities is not null)
            {
                facets.SetNextReader(leaf);
                ForEach(communities, leaf, doc =>
                {
                    top.Collect(doc);
                    facets.Collect(doc);
                });
            }
        }
    }

    private static Summary Summarize(AtomicReaderContext leaf)
    {
        var newest = new TopDocumentsCollector(NewestKept, byScore: false);
        newest.SetNextReader(leaf);
        var facets = new SegmentFacetCounts(SegmentValues.Of(leaf.AtomicReader));
        ForEach(LuceneQueryBuilder.Visible([]), leaf, doc =>
        {
            newest.Collect(doc);
            facets.Collect(doc);
        });
        // Shared by every search from now on: complete, and never written again.
        return new Summary(newest.TotalHits, newest.Hits().Select(hit => hit.Doc - leaf.DocBase).ToArray(), facets.Complete());
    }

    /// <summary>Each live document of the segment that the filter lets through.</summary>
    private static void ForEach(Filter filter, AtomicReaderContext leaf, Action<int> collect)
    {
        var documents = filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator();
        if (documents is null)
        {
            return;
        }

        for (var doc = documents.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = documents.NextDoc())
        {
            collect(doc);
        }
    }

    /// <param name="Newest">The newest public documents, by the segment's own document numbers.</param>
    private sealed record Summary(int Total, int[] Newest, SegmentFacetCounts Facets);
}
