using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// One segment's doc values read once into flat arrays (type, departments, tags, update time),
/// cached for the segment's life: a segment never changes, so neither do they. Lucene.Net decodes
/// compressed doc values on every read, which made counting and sorting large result sets slow.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = [];

    private SegmentValues(AtomicReader reader)
    {
        var types = reader.GetSortedDocValues(LuceneFields.TypeValues);
        TypeOrdinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            TypeOrdinals[doc] = types?.GetOrd(doc) ?? -1;
        }

        TypeNames = Names(types?.ValueCount ?? 0, (ordinal, text) => types!.LookupOrd(ordinal, text));
        Departments = MultiValues.Read(reader.GetSortedSetDocValues(LuceneFields.DepartmentValues), reader.MaxDoc);
        Tags = MultiValues.Read(reader.GetSortedSetDocValues(LuceneFields.TagValues), reader.MaxDoc);
        var updated = reader.GetNumericDocValues(LuceneFields.UpdatedValues);
        Updated = new long[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc && updated is not null; doc++)
        {
            Updated[doc] = updated.Get(doc);
        }
    }

    public int[] TypeOrdinals { get; }

    public string[] TypeNames { get; }

    public MultiValues Departments { get; }

    public MultiValues Tags { get; }

    /// <summary>When each document was last updated, in UTC ticks (0 for tombstones).</summary>
    public long[] Updated { get; }

    public static SegmentValues Of(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    public static string[] Names(long count, Action<int, BytesRef> lookup)
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

/// <summary>Several values per document: document <c>d</c>'s ordinals are <c>Ordinals[Starts[d]..Starts[d + 1]]</c>.</summary>
internal sealed record MultiValues(int[] Starts, int[] Ordinals, string[] Names)
{
    public static MultiValues Read(SortedSetDocValues? values, int maxDoc)
    {
        if (values is null)
        {
            return new MultiValues(new int[maxDoc + 1], [], []);
        }

        var starts = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            for (var ordinal = values.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = values.NextOrd())
            {
                ordinals.Add((int)ordinal);
            }
        }

        starts[maxDoc] = ordinals.Count;
        return new MultiValues(starts, [.. ordinals], SegmentValues.Names(values.ValueCount, (ordinal, text) => values.LookupOrd(ordinal, text)));
    }

    public void CountInto(int doc, int[] counts)
    {
        for (var position = Starts[doc]; position < Starts[doc + 1]; position++)
        {
            counts[Ordinals[position]]++;
        }
    }
}
