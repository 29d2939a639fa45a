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
        foreach (var word in Analyze(analyzers.Words, LuceneFields.PlainWords, text))
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
}

/// <summary>A typed word and its stem.</summary>
internal readonly record struct QueryWord(string Word, string Stem);
