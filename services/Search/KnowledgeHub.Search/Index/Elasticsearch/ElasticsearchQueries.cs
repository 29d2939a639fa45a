using System.Text;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.MSearch;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// Requests in the typed Query DSL. What a user typed is only ever a query string of match-type
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

    private static readonly Field[] SourceFields = ["type", "id", "title", "tags", "departments", "url", "updated_at"];

    public static SearchRequest Search(string index, SearchQuery query)
    {
        var blank = string.IsNullOrWhiteSpace(query.Text);
        var words = Words(query.Text);
        Query scored = blank ? new MatchAllQuery() : words.Count == 0 ? new MatchNoneQuery() : Scored(query.Text!, words);
        return new SearchRequest(index)
        {
            From = query.Offset,
            Size = query.Limit,
            TrackTotalHits = true,
            TrackScores = true,
            Query = new BoolQuery { Must = [scored], Filter = Filters(query) },
            Sort = blank ? [Newest] : [BestScore, Newest],
            Source = new SourceFilter { Includes = SourceFields },
            Highlight = new Highlight
            {
                PreTags = ["<mark>"],
                PostTags = ["</mark>"],
                Encoder = HighlighterEncoder.Html,
                Fields = [new("body", new HighlightField { FragmentSize = 200, NumberOfFragments = 1, NoMatchSize = 200 })],
            },
            Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
            {
                ["type"] = Terms("type", SearchResults.MaxFacetValues),
                ["department"] = Terms("departments", SearchResults.MaxFacetValues),
                ["tag"] = Terms("tags", SearchResults.MaxFacetValues),
            },
        };
    }

    /// <summary>The two searches behind suggestions, sent as one multi-search.</summary>
    public static MultiSearchRequest Suggest(string index, SuggestQuery query) =>
        new(index, [new SearchRequestItem(new MultisearchHeader(), SuggestTitles(query)), new SearchRequestItem(new MultisearchHeader(), SuggestSkills(query))]);

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

    /// <summary>Titles whose words start with every typed word, those starting with the whole text first.</summary>
    private static MultisearchBody SuggestTitles(SuggestQuery query) => new()
    {
        Size = query.Limit,
        Query = new BoolQuery
        {
            Must = [new MatchQuery("title.prefix", query.Text) { Operator = Operator.And }],
            Should = [new MatchQuery("title.start", query.Text) { Boost = 4 }],
            Filter = [Visible(query.ViewerCommunities)],
        },
        Sort = [BestScore, Newest],
        Source = new SourceFilter { Includes = new Field[] { "type", "id", "title" } },
    };

    /// <summary>People's skills that start with the typed text, most common first.</summary>
    private static MultisearchBody SuggestSkills(SuggestQuery query)
    {
        var prefix = query.Text.Trim().ToLowerInvariant();
        return new MultisearchBody
        {
            Size = 0,
            Query = new BoolQuery { Filter = [new PrefixQuery("skills", prefix), Visible(query.ViewerCommunities)] },
            Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
            {
                ["skills"] = new TermsAggregation { Field = "skills", Size = query.Limit, Include = new TermsInclude(EscapeRegex(prefix) + ".*") },
            },
        };
    }

    /// <summary>Permissions: public documents, or those of a community the viewer is an active member of.</summary>
    private static TermsQuery Visible(IReadOnlyCollection<Guid> viewerCommunities) =>
        AnyOf("access", [ElasticsearchDocument.Public, .. viewerCommunities.Select(community => community.ToString("D"))]);

    private static SortOptions BestScore => new() { Score = new ScoreSort { Order = SortOrder.Desc } };

    private static SortOptions Newest => new FieldSort("updated_at") { Order = SortOrder.Desc };

    private static BoolQuery Scored(string text, IReadOnlyList<string> words)
    {
        var perWord = words.Select(word => (Query)new MultiMatchQuery(word)
        {
            Fields = new Field[] { "title^3", "tags.text^2", "body", "title.words^1.5", "tags.words" },
            Fuzziness = "AUTO:4,8",
            PrefixLength = TypoPrefixLength,
        }).ToList();

        // Most words must match; one stray word in a long query does not empty the results.
        var mustMatch = words.Count <= 2 ? words.Count : words.Count - 1;
        return new BoolQuery
        {
            Must = [new BoolQuery { Should = perWord, MinimumShouldMatch = mustMatch }],
            Should = [new MultiMatchQuery(text) { Type = TextQueryType.Phrase, Slop = 1, Fields = new Field[] { "title^6", "body^2" } }],
        };
    }

    private static List<Query> Filters(SearchQuery query)
    {
        var filters = new List<Query>();
        if (query.Types.Count > 0)
        {
            filters.Add(AnyOf("type", query.Types.Order(StringComparer.Ordinal)));
        }

        if (!string.IsNullOrEmpty(query.Department))
        {
            filters.Add(new TermQuery("departments", query.Department));
        }

        if (!string.IsNullOrEmpty(query.Tag))
        {
            filters.Add(new TermQuery("tags", query.Tag));
        }

        filters.Add(Visible(query.ViewerCommunities));
        return filters;
    }

    private static TermsQuery AnyOf(string field, IEnumerable<string> values) =>
        new(field, new TermsQueryField(values.Select(FieldValue.String).ToArray()));

    private static TermsAggregation Terms(string field, int size) => new() { Field = field, Size = size };

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
