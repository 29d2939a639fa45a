using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into a scored query and a filter. Scoring: titles weigh more
/// than tags and tags more than bodies; each term also matches its near-misses (typos); the
/// words as a phrase score extra. Filters (type, department, tag, permissions) do not score.
/// </summary>
internal static class LuceneQueryBuilder
{
    private const float TitleBoost = 3f;
    private const float TagBoost = 2f;
    private const float BodyBoost = 1f;
    private const float FuzzyDiscount = 0.5f;

    /// <summary>Everything for a blank text, nothing for a text without searchable words (say "*").</summary>
    public static Query Scored(string? text, IReadOnlyList<QueryWord> words)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllDocsQuery();
        }

        if (words.Count == 0)
        {
            return new BooleanQuery();
        }

        var terms = words.Select(word => word.Stem).ToList();

        var allTerms = new BooleanQuery
        {
            // Most words must match; one stray word in a long query does not empty the results.
            MinimumNumberShouldMatch = terms.Count <= 2 ? terms.Count : terms.Count - 1,
        };
        foreach (var word in words.DistinctBy(word => word.Stem, StringComparer.Ordinal))
        {
            allTerms.Add(AnyField(word), Occur.SHOULD);
        }

        allTerms.MinimumNumberShouldMatch = Math.Min(allTerms.MinimumNumberShouldMatch, allTerms.Clauses.Count);
        var query = new BooleanQuery { { allTerms, Occur.MUST } };
        if (terms.Count > 1)
        {
            query.Add(Phrase(LuceneFields.Title, terms, TitleBoost * 2), Occur.SHOULD);
            query.Add(Phrase(LuceneFields.Body, terms, BodyBoost * 2), Occur.SHOULD);
        }

        return query;
    }

    public static Filter Filter(SearchQuery query)
    {
        var filter = new BooleanQuery();
        if (query.Types.Count > 0)
        {
            var types = new BooleanQuery();
            foreach (var type in query.Types)
            {
                types.Add(new TermQuery(new Term(LuceneFields.Type, type)), Occur.SHOULD);
            }

            filter.Add(types, Occur.MUST);
        }

        if (!string.IsNullOrEmpty(query.Department))
        {
            filter.Add(new TermQuery(new Term(LuceneFields.Department, query.Department)), Occur.MUST);
        }

        if (!string.IsNullOrEmpty(query.Tag))
        {
            filter.Add(new TermQuery(new Term(LuceneFields.Tag, query.Tag)), Occur.MUST);
        }

        filter.Add(Visible(query.ViewerCommunities), Occur.MUST);
        return new QueryWrapperFilter(filter);
    }

    /// <summary>
    /// Permissions live inside the query, before counting and paging, so totals, facets, pages and
    /// suggestions never include what the viewer may not see: one terms filter over the access
    /// field (public, or one of the viewer's communities), however many communities. Tombstones
    /// have no access at all.
    /// </summary>
    public static ConstantScoreQuery Visible(IReadOnlyCollection<Guid> viewerCommunities)
    {
        var access = new Term[viewerCommunities.Count + 1];
        access[0] = new Term(LuceneFields.Access, LuceneFields.Public);
        var next = 1;
        foreach (var community in viewerCommunities)
        {
            access[next++] = new Term(LuceneFields.Access, LuceneFields.AccessOf(community));
        }

        return new ConstantScoreQuery(new TermsFilter(access));
    }

    /// <summary>
    /// The word's stem in any field, or a near miss: of the typed word in the plain words of titles
    /// and tags, of its stem in bodies (bodies are not indexed twice: they are most of the index).
    /// </summary>
    private static BooleanQuery AnyField(QueryWord word)
    {
        var any = new BooleanQuery
        {
            { Boosted(new TermQuery(new Term(LuceneFields.Title, word.Stem)), TitleBoost), Occur.SHOULD },
            { Boosted(new TermQuery(new Term(LuceneFields.TagsText, word.Stem)), TagBoost), Occur.SHOULD },
            { Boosted(new TermQuery(new Term(LuceneFields.Body, word.Stem)), BodyBoost), Occur.SHOULD },
        };
        if (QueryTerms.MaxEditsFor(word.Word) is > 0 and var wordEdits)
        {
            any.Add(Boosted(new FuzzyQuery(new Term(LuceneFields.TitleWords, word.Word), wordEdits, prefixLength: 1), TitleBoost * FuzzyDiscount), Occur.SHOULD);
            any.Add(Boosted(new FuzzyQuery(new Term(LuceneFields.TagsWords, word.Word), wordEdits, prefixLength: 1), TagBoost * FuzzyDiscount), Occur.SHOULD);
        }

        if (QueryTerms.MaxEditsFor(word.Stem) is > 0 and var stemEdits)
        {
            any.Add(Boosted(new FuzzyQuery(new Term(LuceneFields.Body, word.Stem), stemEdits, prefixLength: 1), BodyBoost * FuzzyDiscount), Occur.SHOULD);
        }

        return any;
    }

    private static PhraseQuery Phrase(string field, IReadOnlyList<string> terms, float boost)
    {
        var phrase = new PhraseQuery { Slop = 1, Boost = boost };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }
}
