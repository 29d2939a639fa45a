using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// The best <c>size</c> matches, by score (when scoring) and then by freshness, reading update times
/// from <see cref="SegmentValues"/>; counts every match. Equal score and time: the lower document
/// number first, so pages are stable.
/// </summary>
internal sealed class TopDocumentsCollector(int size, bool byScore) : ICollector
{
    private readonly PriorityQueue<Hit, Hit> _best = new(size + 1, WorstFirst.Instance);
    private Scorer? _scorer;
    private long[] _updated = [];
    private int _docBase;

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _updated = SegmentValues.Of(context.AtomicReader).Updated;
    }

    public void Collect(int doc)
    {
        TotalHits++;
        Offer(doc);
    }

    /// <summary>Considers a document of the current segment without counting it: its match was counted elsewhere (<see cref="Count"/>).</summary>
    public void Offer(int doc)
    {
        var score = byScore ? _scorer!.GetScore() : 0;
        // Only a match that may beat the worst kept reads its update time: for a query that matches
        // one document in fifty, that read is a cache miss most matches need not pay.
        if (_best.Count < size || score >= _best.Peek().Score)
        {
            Keep(new Hit(_docBase + doc, score, _updated[doc]));
        }
    }

    /// <summary>Counts matches that were counted elsewhere (<see cref="EmptyBox"/>).</summary>
    public void Count(int matches) => TotalHits += matches;

    /// <summary>A collector of the same size and order, for matches collected apart (<see cref="HalvedSearch"/>).</summary>
    public TopDocumentsCollector Empty() => new(size, byScore);

    /// <summary>Adds what another collector of the same size and order collected.</summary>
    public void Add(TopDocumentsCollector other)
    {
        TotalHits += other.TotalHits;
        foreach (var (hit, _) in other._best.UnorderedItems)
        {
            Keep(hit);
        }
    }

    private void Keep(Hit hit)
    {
        if (_best.Count < size)
        {
            _best.Enqueue(hit, hit);
        }
        else if (WorstFirst.Instance.Compare(hit, _best.Peek()) > 0)
        {
            _best.DequeueEnqueue(hit, hit);
        }
    }

    /// <summary>The collected hits, best first.</summary>
    public IReadOnlyList<Hit> Hits()
    {
        var hits = new Hit[_best.Count];
        for (var position = hits.Length - 1; position >= 0; position--)
        {
            hits[position] = _best.Dequeue();
        }

        return hits;
    }

    public readonly record struct Hit(int Doc, float Score, long Updated);

    /// <summary>Better hits before worse ones, as <see cref="Hits"/> returns them.</summary>
    public static int BestFirst(Hit x, Hit y) => WorstFirst.Instance.Compare(y, x);

    /// <summary>Orders worse hits before better ones: lower score, then older, then higher document number.</summary>
    private sealed class WorstFirst : IComparer<Hit>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Hit x, Hit y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byTime = x.Updated.CompareTo(y.Updated);
            return byTime != 0 ? byTime : y.Doc.CompareTo(x.Doc);
        }
    }
}
