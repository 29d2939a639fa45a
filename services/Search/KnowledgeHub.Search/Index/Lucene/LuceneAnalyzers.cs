using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// The analysis chains: English (stemming, stop words) for what is searched, plain words of titles
/// and tags for typos (a misspelt word often stems differently), and edge n-grams for
/// what is completed while typing (Lucene.Net's suggest module is not available here): every word
/// of a title is indexed with its prefixes of 2 to <see cref="MaxWordPrefix"/> characters, and the
/// whole title with its prefixes of 2 to <see cref="MaxTitlePrefix"/> characters.
/// </summary>
internal sealed class LuceneAnalyzers : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const int MinPrefix = 2;
    public const int MaxWordPrefix = 20;
    public const int MaxTitlePrefix = 30;

    public LuceneAnalyzers()
    {
        English = new EnglishAnalyzer(Version);
        Words = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, Folded(tokenizer));
        });
        Whole = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, Folded(tokenizer));
        });
        var wordPrefixes = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new EdgeNGramTokenFilter(Version, Folded(tokenizer), MinPrefix, MaxWordPrefix));
        });
        var titlePrefixes = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new KeywordTokenizer(reader);
            return new TokenStreamComponents(tokenizer, new EdgeNGramTokenFilter(Version, Folded(tokenizer), MinPrefix, MaxTitlePrefix));
        });
        Indexing = new PerFieldAnalyzerWrapper(English, new Dictionary<string, Analyzer>(StringComparer.Ordinal)
        {
            [LuceneFields.PlainWords] = Words,
            [LuceneFields.TitleWordPrefixes] = wordPrefixes,
            [LuceneFields.TitlePrefixes] = titlePrefixes,
        });
    }

    /// <summary>Stemmed English terms: titles, bodies and tags, and the queries against them.</summary>
    public Analyzer English { get; }

    /// <summary>Lower-cased, accent-folded words: what a user typed into the suggest box.</summary>
    public Analyzer Words { get; }

    /// <summary>The whole typed text as one lower-cased, accent-folded term.</summary>
    public Analyzer Whole { get; }

    /// <summary>What the index writer analyses fields with.</summary>
    public Analyzer Indexing { get; }

    public void Dispose() => Indexing.Dispose();

    private static TokenStream Folded(TokenStream stream) => new ASCIIFoldingFilter(new LowerCaseFilter(Version, stream));
}
