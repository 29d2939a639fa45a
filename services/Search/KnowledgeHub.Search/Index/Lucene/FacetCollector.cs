using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Counts type, department and tag values over every matching document, from doc values
/// (Lucene.Net's facet module is not available here). Counts are kept per segment by ordinal and
/// turned into strings when the segment is done.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tags = new(StringComparer.Ordinal);

    private SortedDocValues? _segmentTypes;
    private SortedSetDocValues? _segmentDepartments;
    private SortedSetDocValues? _segmentTags;
    private readonly Dictionary<long, int> _typeOrdinals = [];
    private readonly Dictionary<long, int> _departmentOrdinals = [];
    private readonly Dictionary<long, int> _tagOrdinals = [];

    public bool AcceptsDocsOutOfOrder => true;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets()
    {
        FlushSegment();
        return new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal)
        {
            ["type"] = Ranked(_types),
            ["department"] = Ranked(_departments),
            ["tag"] = Ranked(_tags),
        };
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
    }

    public void Collect(int doc)
    {
        if (_segmentTypes is not null)
        {
            var ordinal = _segmentTypes.GetOrd(doc);
            if (ordinal >= 0)
            {
                Increment(_typeOrdinals, ordinal);
            }
        }

        CountAll(_segmentDepartments, doc, _departmentOrdinals);
        CountAll(_segmentTags, doc, _tagOrdinals);
    }

    private static void CountAll(SortedSetDocValues? values, int doc, Dictionary<long, int> ordinals)
    {
        if (values is null)
        {
            return;
        }

        values.SetDocument(doc);
        for (var ordinal = values.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = values.NextOrd())
        {
            Increment(ordinals, ordinal);
        }
    }

    private void FlushSegment()
    {
        var text = new BytesRef();
        foreach (var (ordinal, count) in _typeOrdinals)
        {
            _segmentTypes!.LookupOrd((int)ordinal, text);
            Add(_types, text.Utf8ToString(), count);
        }

        foreach (var (ordinal, count) in _departmentOrdinals)
        {
            _segmentDepartments!.LookupOrd(ordinal, text);
            Add(_departments, text.Utf8ToString(), count);
        }

        foreach (var (ordinal, count) in _tagOrdinals)
        {
            _segmentTags!.LookupOrd(ordinal, text);
            Add(_tags, text.Utf8ToString(), count);
        }

        _typeOrdinals.Clear();
        _departmentOrdinals.Clear();
        _tagOrdinals.Clear();
    }

    private static void Increment(Dictionary<long, int> counts, long ordinal) =>
        counts[ordinal] = counts.GetValueOrDefault(ordinal) + 1;

    private static void Add(Dictionary<string, int> counts, string value, int count) =>
        counts[value] = counts.GetValueOrDefault(value) + count;

    /// <summary>The 20 most frequent values of a dimension, most frequent first.</summary>
    private static IReadOnlyDictionary<string, int> Ranked(Dictionary<string, int> counts) =>
        counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(20)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
