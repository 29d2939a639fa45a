using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// The analysed terms of what a user typed. Queries are built from these terms, never parsed as
/// Lucene syntax, so quotes, colons, wildcards and brackets are just text.
/// </summary>
internal static class QueryTerms
{
    /// <summary>
    /// Each typed word with its English stem; stop words are left out. Typos are matched against the
    /// word itself, since a misspelt word often stems differently ("orchestraton" keeps its ending).
    /// </summary>
    public static IReadOnlyList<QueryWord> Words(LuceneAnalyzers analyzers, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<QueryWord>();
        foreach (var word in Analyze(analyzers.Words, LuceneFields.TitleWords, text))
        {
            if (Analyze(analyzers.English, LuceneFields.Body, word) is [var stem, ..])
            {
                words.Add(new QueryWord(word, stem));
            }
        }

        return words;
    }

    /// <summary>More terms than this add cost, not relevance.</summary>
    public const int MaxTerms = 32;

    public static IReadOnlyList<string> Analyze(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < MaxTerms && stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>Typos allowed for a term: none for short words, one from four letters, two from eight.</summary>
    public static int MaxEditsFor(string term) => term.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    /// <summary>Whether <paramref name="candidate"/> is within the typo allowance of <paramref name="term"/>.</summary>
    public static bool Matches(string term, string candidate)
    {
        if (term == candidate)
        {
            return true;
        }

        var allowed = MaxEditsFor(term);
        return allowed > 0 && Math.Abs(term.Length - candidate.Length) <= allowed && Distance(term, candidate) <= allowed;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>A typed word and its stem.</summary>
internal readonly record struct QueryWord(string Word, string Stem);
