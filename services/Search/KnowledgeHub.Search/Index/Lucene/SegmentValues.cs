using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// One segment's doc values read once into flat arrays (facet values, update time), cached for the
/// segment's life: a segment never changes, so neither do they. Lucene.Net decodes compressed doc
/// values on every read, which made counting and sorting large result sets slow.
/// </summary>
/// <remarks>
/// A document's type, departments and tags sit side by side as ordinals of one numbering (types first,
/// then departments, then tags), and <see cref="CountInto"/> takes a batch of matches. For a query that
/// matches one document in fifty, each match's values are a wait on memory, and those waits, not the
/// counting, were most of its facets' time at a million documents: in a batch they overlap.
/// </remarks>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = [];

    private SegmentValues(AtomicReader reader)
    {
        var types = reader.GetSortedDocValues(LuceneFields.TypeValues);
        var departments = reader.GetSortedSetDocValues(LuceneFields.DepartmentValues);
        var tags = reader.GetSortedSetDocValues(LuceneFields.TagValues);
        TypeNames = Names(types?.ValueCount ?? 0, (ordinal, text) => types!.LookupOrd(ordinal, text));
        DepartmentNames = Names(departments?.ValueCount ?? 0, (ordinal, text) => departments!.LookupOrd(ordinal, text));
        TagNames = Names(tags?.ValueCount ?? 0, (ordinal, text) => tags!.LookupOrd(ordinal, text));

        FacetStarts = new int[reader.MaxDoc + 1];
        var ordinals = new List<int>(reader.MaxDoc * 3);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            FacetStarts[doc] = ordinals.Count;
            if (types is not null && types.GetOrd(doc) is var type and >= 0)
            {
                ordinals.Add(type);
            }

            AddAll(departments, doc, TypeNames.Length, ordinals);
            AddAll(tags, doc, TypeNames.Length + DepartmentNames.Length, ordinals);
        }

        FacetStarts[reader.MaxDoc] = ordinals.Count;
        FacetOrdinals = [.. ordinals];

        var updated = reader.GetNumericDocValues(LuceneFields.UpdatedValues);
        Updated = new long[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc && updated is not null; doc++)
        {
            Updated[doc] = updated.Get(doc);
        }
    }

    public string[] TypeNames { get; }

    public string[] DepartmentNames { get; }

    public string[] TagNames { get; }

    /// <summary>Every facet value of every dimension: the length of a counts array for <see cref="CountInto"/>.</summary>
    public int FacetValueCount => TypeNames.Length + DepartmentNames.Length + TagNames.Length;

    /// <summary>When each document was last updated, in UTC ticks (0 for tombstones).</summary>
    public long[] Updated { get; }

    /// <summary>Document <c>d</c>'s facet ordinals are <c>FacetOrdinals[FacetStarts[d]..FacetStarts[d + 1]]</c>.</summary>
    private int[] FacetStarts { get; }

    private int[] FacetOrdinals { get; }

    public static SegmentValues Of(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    /// <summary>
    /// Adds one to the count of each facet value of each document. Given many documents at once, the
    /// processor fetches their values from memory side by side instead of one document after another.
    /// A batch of a few hundred at most: its positions are kept on the stack.
    /// </summary>
    public void CountInto(ReadOnlySpan<int> docs, int[] counts)
    {
        Span<int> starts = stackalloc int[docs.Length];
        Span<int> ends = stackalloc int[docs.Length];
        for (var at = 0; at < docs.Length; at++)
        {
            starts[at] = FacetStarts[docs[at]];
            ends[at] = FacetStarts[docs[at] + 1];
        }

        for (var at = 0; at < docs.Length; at++)
        {
            for (var position = starts[at]; position < ends[at]; position++)
            {
                counts[FacetOrdinals[position]]++;
            }
        }
    }

    private static void AddAll(SortedSetDocValues? values, int doc, int offset, List<int> into)
    {
        if (values is null)
        {
            return;
        }

        values.SetDocument(doc);
        for (var ordinal = values.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = values.NextOrd())
        {
            into.Add(offset + (int)ordinal);
        }
    }

    private static string[] Names(long count, Action<int, BytesRef> lookup)
    {
        var names = new string[count];
        var text = new BytesRef();
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            lookup(ordinal, text);
            names[ordinal] = text.Utf8ToString();
        }

        return names;
    }
}
