using System.Text.Json.Nodes;

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

    public static JsonObject Index(string refreshInterval) => new()
    {
        ["settings"] = new JsonObject
        {
            ["number_of_shards"] = 1,
            ["refresh_interval"] = refreshInterval,
            ["analysis"] = Analysis(),
        },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                ["type"] = Keyword(),
                ["id"] = Keyword(),
                ["title"] = new JsonObject
                {
                    ["type"] = "text",
                    ["analyzer"] = "english",
                    ["fields"] = new JsonObject
                    {
                        ["words"] = Text("standard"),
                        ["prefix"] = Text("word_prefixes", "word_prefix_search"),
                        ["start"] = Text("title_prefixes", "title_prefix_search"),
                    },
                },
                ["body"] = Text("english"),
                ["tags"] = new JsonObject
                {
                    ["type"] = "keyword",
                    ["fields"] = new JsonObject { ["text"] = Text("english"), ["words"] = Text("standard") },
                },
                ["skills"] = Keyword(),
                ["departments"] = Keyword(),
                ["access"] = Keyword(),
                ["removed"] = new JsonObject { ["type"] = "boolean" },
                ["url"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
                ["version"] = new JsonObject { ["type"] = "long" },
                ["created_at"] = new JsonObject { ["type"] = "date" },
                ["updated_at"] = new JsonObject { ["type"] = "date" },
            },
        },
    };

    private static JsonObject Analysis() => new()
    {
        ["filter"] = new JsonObject
        {
            ["word_grams"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = MinPrefix, ["max_gram"] = MaxWordPrefix },
            ["title_grams"] = new JsonObject { ["type"] = "edge_ngram", ["min_gram"] = MinPrefix, ["max_gram"] = MaxTitlePrefix },
            ["word_truncate"] = new JsonObject { ["type"] = "truncate", ["length"] = MaxWordPrefix },
            ["title_truncate"] = new JsonObject { ["type"] = "truncate", ["length"] = MaxTitlePrefix },
            ["at_least_prefix"] = new JsonObject { ["type"] = "length", ["min"] = MinPrefix },
        },
        ["analyzer"] = new JsonObject
        {
            ["word_prefixes"] = Custom("standard", "lowercase", "asciifolding", "word_grams"),
            ["word_prefix_search"] = Custom("standard", "lowercase", "asciifolding", "at_least_prefix", "word_truncate"),
            ["title_prefixes"] = Custom("keyword", "lowercase", "asciifolding", "title_grams"),
            ["title_prefix_search"] = Custom("keyword", "lowercase", "asciifolding", "title_truncate"),
        },
    };

    private static JsonObject Custom(string tokenizer, params string[] filters) => new()
    {
        ["type"] = "custom",
        ["tokenizer"] = tokenizer,
        ["filter"] = new JsonArray(filters.Select(filter => (JsonNode)JsonValue.Create(filter)).ToArray()),
    };

    private static JsonObject Keyword() => new() { ["type"] = "keyword" };

    private static JsonObject Text(string analyzer, string? searchAnalyzer = null)
    {
        var text = new JsonObject { ["type"] = "text", ["analyzer"] = analyzer };
        if (searchAnalyzer is not null)
        {
            text["search_analyzer"] = searchAnalyzer;
        }

        return text;
    }
}
