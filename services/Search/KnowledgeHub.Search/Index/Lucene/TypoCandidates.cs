using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// The index terms a misspelt word may have meant: those sharing its first two letters within its
/// edit allowance. Lucene's fuzzy query builds Levenshtein automata per query (megabytes in
/// Lucene.Net); scanning the few terms behind a two-letter prefix with a bounded edit distance on
/// the UTF-8 bytes allocates almost nothing and finds the same typos away from a word's start.
/// </summary>
internal static class TypoCandidates
{
    public const int PrefixLength = 2;
    public const int MaxCandidates = 16;
    private const int MaxWordBytes = 48;

    public static IReadOnlyList<(string Term, int Edits)> Find(IndexReader reader, string field, string word, int maxEdits)
    {
        var wordBytes = Encoding.UTF8.GetBytes(word);
        if (maxEdits == 0 || wordBytes.Length <= PrefixLength || wordBytes.Length > MaxWordBytes)
        {
            return [];
        }

        var prefix = new BytesRef(wordBytes, 0, PrefixLength);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        Span<int> previous = stackalloc int[MaxWordBytes + 1];
        Span<int> current = stackalloc int[MaxWordBytes + 1];
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            if (terms is null || terms.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            do
            {
                var term = terms.Term;
                if (!StringHelper.StartsWith(term, prefix))
                {
                    break;
                }

                if (Math.Abs(term.Length - wordBytes.Length) <= maxEdits
                    && Distance(wordBytes, term.Bytes.AsSpan(term.Offset, term.Length), maxEdits, previous, current) is var edits && edits <= maxEdits)
                {
                    found[term.Utf8ToString()] = edits;
                }
            }
            while (terms.MoveNext());
        }

        return found
            .OrderBy(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxCandidates)
            .Select(pair => (pair.Key, pair.Value))
            .ToList();
    }

    /// <summary>Levenshtein distance, abandoned (returning more than the limit) once every path exceeds it.</summary>
    private static int Distance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int limit, Span<int> previous, Span<int> current)
    {
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            current[..(b.Length + 1)].CopyTo(previous);
        }

        return previous[b.Length];
    }
}
