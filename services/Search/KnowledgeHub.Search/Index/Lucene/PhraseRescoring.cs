using Lucene.Net.Search;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Scores the best matches of a query again with its phrase clauses, and orders them by that score.
/// A phrase clause reads the positions of every document holding all its words: over a million
/// documents and two common words it cost more than the rest of the query, for a bonus that only
/// decides the order among documents already near the top. Every hit of the window matches the
/// query with phrases (its required clause is the query that found them), so each gets the score
/// it would have had with the phrases in the first pass; only a document outside the window that
/// the phrase bonus would have lifted into the page is missed.
/// </summary>
internal static class PhraseRescoring
{
    /// <summary>
    /// How many of the best matches are scored again (the page when it reaches further). On the
    /// benchmark's corpus (docs/benchmarks.md, quiet run), of 2,000 first pages at 100,000 documents
    /// a window of 100 changed 399, 300 changed 75, 1,000 changed 7; at a million, 1,000 changed 54
    /// and took a quarter off the p99. A phrase match doubles a score, so it lifts documents from far
    /// down. Scoring 1,000 documents again costs the same at any index size.
    /// </summary>
    public const int Window = 1_000;

    public static IReadOnlyList<TopDocumentsCollector.Hit> Rescore(IndexSearcher searcher, Query withPhrases, IReadOnlyList<TopDocumentsCollector.Hit> hits)
    {
        var weight = searcher.CreateNormalizedWeight(withPhrases);
        var leaves = searcher.IndexReader.Leaves;
        var rescored = new List<TopDocumentsCollector.Hit>(hits.Count);
        var leaf = -1;
        Scorer? scorer = null;
        foreach (var hit in hits.OrderBy(hit => hit.Doc))
        {
            while (leaf + 1 < leaves.Count && leaves[leaf + 1].DocBase <= hit.Doc)
            {
                leaf++;
                scorer = weight.GetScorer(leaves[leaf], leaves[leaf].AtomicReader.LiveDocs);
            }

            var target = hit.Doc - leaves[leaf].DocBase;
            var at = scorer!.DocID < target ? scorer.Advance(target) : scorer.DocID;
            rescored.Add(at == target ? hit with { Score = scorer.GetScore() } : hit);
        }

        rescored.Sort(TopDocumentsCollector.BestFirst);
        return rescored;
    }
}
