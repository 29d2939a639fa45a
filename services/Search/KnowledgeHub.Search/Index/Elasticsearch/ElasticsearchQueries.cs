using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// Request bodies for the Query DSL. What a user typed is only ever a query string of match-type
/// queries, never query_string syntax, so operators and wildcards are plain text. Each typed word
/// must match some field (most words, for long queries), exactly or with a typo, titles weighing
/// more than tags and tags more than bodies; the words as a phrase score extra; ties go to the
/// fresher document. Type, department, tag and permission filters sit in the query's filter context.
/// </summary>
internal static partial class ElasticsearchQueries
{
    public const int MaxWords = 32;

    /// <summary>As in the embedded index: a typo is looked for only after the first two letters.</summary>
    public const int TypoPrefixLength = 2;

    /// <summary>Lucene's English stop words: a word clause of only these could never match.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
    };

    private static readonly string[] SourceFields = ["type", "id", "title", "tags", "departments", "url", "updated_at"];

    public static JsonObject Search(SearchQuery query)
    {
        var filters = Filters(query);
        var words = Words(query.Text);
        JsonObject scored;
        JsonArray sort;
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            scored = new JsonObject { ["match_all"] = new JsonObject() };
            sort = [Descending("updated_at")];
        }
        else
        {
            scored = words.Count == 0 ? new JsonObject { ["match_none"] = new JsonObject() } : Scored(query.Text, words);
            sort = [Descending("_score"), Descending("updated_at")];
        }

        return new JsonObject
        {
            ["from"] = query.Offset,
            ["size"] = query.Limit,
            ["track_total_hits"] = true,
            ["track_scores"] = true,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(scored), ["filter"] = filters } },
            ["sort"] = sort,
            ["_source"] = Strings(SourceFields),
            ["highlight"] = new JsonObject
            {
                ["pre_tags"] = Strings("<mark>"),
                ["post_tags"] = Strings("</mark>"),
                ["encoder"] = "html",
                ["fields"] = new JsonObject
                {
                    ["body"] = new JsonObject { ["fragment_size"] = 200, ["number_of_fragments"] = 1, ["no_match_size"] = 200 },
                },
            },
            ["aggs"] = new JsonObject
            {
                ["type"] = Terms("type", SearchResults.MaxFacetValues),
                ["department"] = Terms("departments", SearchResults.MaxFacetValues),
                ["tag"] = Terms("tags", SearchResults.MaxFacetValues),
            },
        };
    }

    /// <summary>Titles whose words start with every typed word, those starting with the whole text first.</summary>
    public static JsonObject SuggestTitles(SuggestQuery query) => new()
    {
        ["size"] = query.Limit,
        ["query"] = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["must"] = new JsonArray(new JsonObject
                {
                    ["match"] = new JsonObject { ["title.prefix"] = new JsonObject { ["query"] = query.Text, ["operator"] = "and" } },
                }),
                ["should"] = new JsonArray(new JsonObject
                {
                    ["match"] = new JsonObject { ["title.start"] = new JsonObject { ["query"] = query.Text, ["boost"] = 4 } },
                }),
                ["filter"] = new JsonArray(Visible(query.ViewerCommunities)),
            },
        },
        ["sort"] = new JsonArray(Descending("_score"), Descending("updated_at")),
        ["_source"] = Strings("type", "id", "title"),
    };

    /// <summary>People's skills that start with the typed text, most common first.</summary>
    public static JsonObject SuggestSkills(SuggestQuery query)
    {
        var prefix = query.Text.Trim().ToLowerInvariant();
        return new JsonObject
        {
            ["size"] = 0,
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["filter"] = new JsonArray(
                        new JsonObject { ["prefix"] = new JsonObject { ["skills"] = prefix } },
                        Visible(query.ViewerCommunities)),
                },
            },
            ["aggs"] = new JsonObject
            {
                ["skills"] = new JsonObject
                {
                    ["terms"] = new JsonObject { ["field"] = "skills", ["size"] = query.Limit, ["include"] = EscapeRegex(prefix) + ".*" },
                },
            },
        };
    }

    /// <summary>The words of what was typed, lower-cased, without stop words; never more than <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : WordPattern().Matches(text)
                .Select(match => match.Value.ToLowerInvariant())
                .Where(word => !StopWords.Contains(word))
                .Distinct(StringComparer.Ordinal)
                .Take(MaxWords)
                .ToList();

    /// <summary>Permissions: public documents, or those of a community the viewer is an active member of.</summary>
    public static JsonObject Visible(IReadOnlyCollection<Guid> viewerCommunities) => new()
    {
        ["terms"] = new JsonObject
        {
            ["access"] = Strings([ElasticsearchDocuments.Public, .. viewerCommunities.Select(community => community.ToString("D"))]),
        },
    };

    private static JsonObject Scored(string text, IReadOnlyList<string> words)
    {
        var perWord = new JsonArray();
        foreach (var word in words)
        {
            perWord.Add(new JsonObject
            {
                ["multi_match"] = new JsonObject
                {
                    ["query"] = word,
                    ["fields"] = Strings("title^3", "tags.text^2", "body", "title.words^1.5", "tags.words"),
                    ["fuzziness"] = "AUTO:4,8",
                    ["prefix_length"] = TypoPrefixLength,
                },
            });
        }

        // Most words must match; one stray word in a long query does not empty the results.
        var mustMatch = words.Count <= 2 ? words.Count : words.Count - 1;
        return new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["must"] = new JsonArray(new JsonObject
                {
                    ["bool"] = new JsonObject { ["should"] = perWord, ["minimum_should_match"] = mustMatch },
                }),
                ["should"] = new JsonArray(new JsonObject
                {
                    ["multi_match"] = new JsonObject { ["query"] = text, ["type"] = "phrase", ["slop"] = 1, ["fields"] = Strings("title^6", "body^2") },
                }),
            },
        };
    }

    private static JsonArray Filters(SearchQuery query)
    {
        var filters = new JsonArray();
        if (query.Types.Count > 0)
        {
            filters.Add(new JsonObject { ["terms"] = new JsonObject { ["type"] = Strings(query.Types.Order(StringComparer.Ordinal)) } });
        }

        if (!string.IsNullOrEmpty(query.Department))
        {
            filters.Add(new JsonObject { ["term"] = new JsonObject { ["departments"] = query.Department } });
        }

        if (!string.IsNullOrEmpty(query.Tag))
        {
            filters.Add(new JsonObject { ["term"] = new JsonObject { ["tags"] = query.Tag } });
        }

        filters.Add(Visible(query.ViewerCommunities));
        return filters;
    }

    private static JsonObject Terms(string field, int size) =>
        new() { ["terms"] = new JsonObject { ["field"] = field, ["size"] = size } };

    private static JsonObject Descending(string field) => new() { [field] = "desc" };

    private static JsonArray Strings(params IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray());

    /// <summary>Escapes every character that Lucene's regular expressions give a meaning.</summary>
    private static string EscapeRegex(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var character in text)
        {
            if (".?+*|{}[]()\"\\#@&<>~".Contains(character, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}

/// <summary>How a <see cref="SearchDocument"/> or a tombstone is stored in Elasticsearch.</summary>
internal static class ElasticsearchDocuments
{
    public const string Public = "public";

    public static JsonObject Source(SearchDocument document)
    {
        var source = new JsonObject
        {
            ["type"] = document.Type,
            ["id"] = document.Id.ToString("D"),
            ["title"] = document.Title,
            ["body"] = document.Body,
            ["tags"] = new JsonArray(document.Tags.Select(tag => (JsonNode)JsonValue.Create(tag)).ToArray()),
            ["departments"] = new JsonArray(document.Departments.Select(code => (JsonNode)JsonValue.Create(code)).ToArray()),
            ["access"] = document.RestrictedToCommunity?.ToString("D") ?? Public,
            ["url"] = document.Url,
            ["version"] = document.Version,
            ["created_at"] = Timestamp(document.CreatedAt),
            ["updated_at"] = Timestamp(document.UpdatedAt),
        };
        if (document.Type == DocumentTypes.Person)
        {
            source["skills"] = new JsonArray(document.Tags.Select(tag => (JsonNode)JsonValue.Create(tag)).ToArray());
        }

        return source;
    }

    /// <summary>A removed document's key and version; it has no access, so no query finds it.</summary>
    public static JsonObject Tombstone(DocumentRemoval removal) => new()
    {
        ["removed"] = true,
        ["version"] = removal.Version,
        ["updated_at"] = Timestamp(removal.RemovedAt),
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
