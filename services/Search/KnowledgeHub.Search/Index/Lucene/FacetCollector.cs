using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Counts type, department and tag values over every matching document (Lucene.Net's facet module
/// is not available here), from each segment's <see cref="SegmentValues"/>: collecting a document
/// is a few array reads and increments.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);

    private SegmentValues? _segment;
    private int[] _typeCounts = [];
    private int[] _departmentCounts = [];
    private int[] _tagCounts = [];

    public bool AcceptsDocsOutOfOrder => false;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets()
    {
        FlushSegment();
        return SearchResults.RankFacets(_types, _departments, _tags);
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = SegmentValues.Of(context.AtomicReader);
        _typeCounts = new int[_segment.TypeNames.Length];
        _departmentCounts = new int[_segment.Departments.Names.Length];
        _tagCounts = new int[_segment.Tags.Names.Length];
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        if (segment.TypeOrdinals[doc] is var type and >= 0)
        {
            _typeCounts[type]++;
        }

        segment.Departments.CountInto(doc, _departmentCounts);
        segment.Tags.CountInto(doc, _tagCounts);
    }

    private void FlushSegment()
    {
        if (_segment is null)
        {
            return;
        }

        Flush(_segment.TypeNames, _typeCounts, _types);
        Flush(_segment.Departments.Names, _departmentCounts, _departments);
        Flush(_segment.Tags.Names, _tagCounts, _tags);
        _segment = null;
    }

    private static void Flush(string[] names, int[] counts, Dictionary<string, int> into)
    {
        for (var ordinal = 0; ordinal < counts.Length; ordinal++)
        {
            if (counts[ordinal] > 0)
            {
                into[names[ordinal]] = into.GetValueOrDefault(names[ordinal]) + counts[ordinal];
            }
        }
    }
}
