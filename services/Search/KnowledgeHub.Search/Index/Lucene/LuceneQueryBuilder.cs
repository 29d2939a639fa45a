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

    public static Query Scored(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        var allTerms = new BooleanQuery
        {
            // Most words must match; one stray word in a long query does not empty the results.
            MinimumNumberShouldMatch = terms.Count <= 2 ? terms.Count : terms.Count - 1,
        };
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            allTerms.Add(AnyField(term), Occur.SHOULD);
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

    private static BooleanQuery AnyField(string term)
    {
        var any = new BooleanQuery
        {
            { Boosted(new TermQuery(new Term(LuceneFields.Title, term)), TitleBoost), Occur.SHOULD },
            { Boosted(new TermQuery(new Term(LuceneFields.TagsText, term)), TagBoost), Occur.SHOULD },
            { Boosted(new TermQuery(new Term(LuceneFields.Body, term)), BodyBoost), Occur.SHOULD },
        };
        var edits = QueryTerms.MaxEditsFor(term);
        if (edits > 0)
        {
            any.Add(Boosted(new FuzzyQuery(new Term(LuceneFields.Title, term), edits, prefixLength: 1), TitleBoost * FuzzyDiscount), Occur.SHOULD);
            any.Add(Boosted(new FuzzyQuery(new Term(LuceneFields.TagsText, term), edits, prefixLength: 1), TagBoost * FuzzyDiscount), Occur.SHOULD);
            any.Add(Boosted(new FuzzyQuery(new Term(LuceneFields.Body, term), edits, prefixLength: 1), BodyBoost * FuzzyDiscount), Occur.SHOULD);
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
