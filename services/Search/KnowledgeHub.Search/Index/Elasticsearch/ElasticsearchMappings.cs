using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// The index definition, explicit so nothing is guessed from the first document: English analysis
/// for what is searched, plain words of titles and tags for typos, edge n-grams of title words and
/// of whole titles for completions, keywords for filters and aggregations. Unknown fields are refused.
/// </summary>
internal static class ElasticsearchMappings
{
    public const int MinPrefix = 2;
    public const int MaxWordPrefix = 20;
    public const int MaxTitlePrefix = 30;

    public static CreateIndexRequest Index(string name, Duration refreshInterval) => new(name)
    {
        Settings = new IndexSettings
        {
            NumberOfShards = 1,
            RefreshInterval = refreshInterval,
            Analysis = Analysis(),
        },
        Mappings = new TypeMapping
        {
            Dynamic = DynamicMapping.Strict,
            Properties = new Properties
            {
                { "type", new KeywordProperty() },
                { "id", new KeywordProperty() },
                {
                    "title", new TextProperty
                    {
                        Analyzer = "english",
                        Fields = new Properties
                        {
                            { "words", Text("standard") },
                            { "prefix", Text("word_prefixes", "word_prefix_search") },
                            { "start", Text("title_prefixes", "title_prefix_search") },
                        },
                    }
                },
                { "body", Text("english") },
                {
                    "tags", new KeywordProperty
                    {
                        Fields = new Properties { { "text", Text("english") }, { "words", Text("standard") } },
                    }
                },
                { "skills", new KeywordProperty() },
                { "departments", new KeywordProperty() },
                { "access", new KeywordProperty() },
                { "removed", new BooleanProperty() },
                { "url", new KeywordProperty { Index = false } },
                { "version", new LongNumberProperty() },
                { "created_at", new DateProperty() },
                { "updated_at", new DateProperty() },
            },
        },
    };

    private static IndexSettingsAnalysis Analysis() => new()
    {
        TokenFilters = new TokenFilters
        {
            { "word_grams", new EdgeNGramTokenFilter { MinGram = MinPrefix, MaxGram = MaxWordPrefix } },
            { "title_grams", new EdgeNGramTokenFilter { MinGram = MinPrefix, MaxGram = MaxTitlePrefix } },
            { "word_truncate", new TruncateTokenFilter { Length = MaxWordPrefix } },
            { "title_truncate", new TruncateTokenFilter { Length = MaxTitlePrefix } },
            { "at_least_prefix", new LengthTokenFilter { Min = MinPrefix } },
        },
        Analyzers = new Analyzers
        {
            { "word_prefixes", Custom("standard", "lowercase", "asciifolding", "word_grams") },
            { "word_prefix_search", Custom("standard", "lowercase", "asciifolding", "at_least_prefix", "word_truncate") },
            { "title_prefixes", Custom("keyword", "lowercase", "asciifolding", "title_grams") },
            { "title_prefix_search", Custom("keyword", "lowercase", "asciifolding", "title_truncate") },
        },
    };

    private static CustomAnalyzer Custom(string tokenizer, params string[] filters) => new() { Tokenizer = tokenizer, Filter = filters };

    private static TextProperty Text(string analyzer, string? searchAnalyzer = null) => new() { Analyzer = analyzer, SearchAnalyzer = searchAnalyzer };
}
