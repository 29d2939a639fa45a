using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Counts type, department and tag values over every matching document, from doc values
/// (Lucene.Net's facet module is not available here). Counts are kept per segment in arrays indexed
/// by ordinal, so collecting a document allocates nothing, and turned into strings once the
/// segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);

    private SortedDocValues? _segmentTypes;
    private SortedSetDocValues? _segmentDepartments;
    private SortedSetDocValues? _segmentTags;
    private int[] _typeCounts = [];
    private int[] _departmentCounts = [];
    private int[] _tagCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

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
        _segmentTypes = context.AtomicReader.GetSortedDocValues(LuceneFields.TypeValues);
        _segmentDepartments = context.AtomicReader.GetSortedSetDocValues(LuceneFields.DepartmentValues);
        _segmentTags = context.AtomicReader.GetSortedSetDocValues(LuceneFields.TagValues);
        _typeCounts = Counts(_segmentTypes?.ValueCount ?? 0);
        _departmentCounts = Counts(_segmentDepartments?.ValueCount ?? 0);
        _tagCounts = Counts(_segmentTags?.ValueCount ?? 0);
    }

    public void Collect(int doc)
    {
        if (_segmentTypes is not null)
        {
            var ordinal = _segmentTypes.GetOrd(doc);
            if (ordinal >= 0)
            {
                _typeCounts[ordinal]++;
            }
        }

        CountAll(_segmentDepartments, doc, _departmentCounts);
        CountAll(_segmentTags, doc, _tagCounts);
    }

    private static int[] Counts(long valueCount) => valueCount == 0 ? [] : new int[valueCount];

    private static void CountAll(SortedSetDocValues? values, int doc, int[] counts)
    {
        if (values is null)
        {
            return;
        }

        values.SetDocument(doc);
        for (var ordinal = values.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = values.NextOrd())
        {
            counts[ordinal]++;
        }
    }

    private void FlushSegment()
    {
        var text = new BytesRef();
        for (var ordinal = 0; ordinal < _typeCounts.Length; ordinal++)
        {
            if (_typeCounts[ordinal] > 0)
            {
                _segmentTypes!.LookupOrd(ordinal, text);
                Add(_types, text.Utf8ToString(), _typeCounts[ordinal]);
            }
        }

        Flush(_segmentDepartments, _departmentCounts, _departments, text);
        Flush(_segmentTags, _tagCounts, _tags, text);
        _typeCounts = _departmentCounts = _tagCounts = [];
    }

    private static void Flush(SortedSetDocValues? values, int[] counts, Dictionary<string, int> into, BytesRef text)
    {
        for (var ordinal = 0; ordinal < counts.Length; ordinal++)
        {
            if (counts[ordinal] > 0)
            {
                values!.LookupOrd(ordinal, text);
                Add(into, text.Utf8ToString(), counts[ordinal]);
            }
        }
    }

    private static void Add(Dictionary<string, int> counts, string value, int count) =>
        counts[value] = counts.GetValueOrDefault(value) + count;
}
