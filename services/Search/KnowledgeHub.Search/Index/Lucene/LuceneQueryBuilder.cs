using Lucene.Net.Analysis;
using Lucene.Net.Index;
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

    public static Query Scored(Analyzer analyzer, string? text)
    {
        var terms = string.IsNullOrWhiteSpace(text) ? [] : QueryTerms.Analyze(analyzer, LuceneFields.Body, text);
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

        // Permissions live inside the query, before counting and paging, so totals, facets and
        // pages never include what the viewer may not see.
        var visible = new BooleanQuery { { new TermQuery(new Term(LuceneFields.Visibility, LuceneFields.Public)), Occur.SHOULD } };
        foreach (var community in query.ViewerCommunities)
        {
            visible.Add(new TermQuery(new Term(LuceneFields.Community, community.ToString("D"))), Occur.SHOULD);
        }

        filter.Add(visible, Occur.MUST);
        return new QueryWrapperFilter(filter);
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
