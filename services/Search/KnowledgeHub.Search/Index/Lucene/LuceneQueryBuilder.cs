using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into a scored query and a filter. Scoring: titles weigh more
/// than tags and tags more than bodies; each term also matches its near-misses (typos); the
/// words as a phrase score extra. Filters (type, department, tag, permissions) do not score.
/// The phrase clauses are scored on the best matches only (<see cref="PhraseRescoring"/>): over
/// every match of two common words they cost more than the rest of the query.
/// </summary>
internal static class LuceneQueryBuilder
{
    private const float TitleBoost = 3f;
    private const float TagBoost = 2f;
    private const float BodyBoost = 1f;
    private const float FuzzyDiscount = 0.5f;

    /// <summary>Shared by every index and search: the cache is per segment, and segments never change.</summary>
    private static readonly Filter PublicOnly = new CachingWrapperFilter(new TermsFilter(new Term(LuceneFields.Access, LuceneFields.Public)));

    /// <summary>
    /// Everything for a blank text, nothing for a text without searchable words (say "*"). Also
    /// gives the query with the phrase clauses, to score the best matches by (null for one word),
    /// and the terms the body is searched for (stems and their typo candidates), for snippets.
    /// </summary>
    public static (Query Query, Query? WithPhrases, IReadOnlySet<string> BodyTerms) Scored(IndexReader reader, string? text, IReadOnlyList<QueryWord> words)
    {
        var bodyTerms = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new MatchAllDocsQuery(), null, bodyTerms);
        }

        if (words.Count == 0)
        {
            return (new BooleanQuery(), null, bodyTerms);
        }

        var terms = words.Select(word => word.Stem).ToList();

        var allTerms = new BooleanQuery
        {
            // Most words must match; one stray word in a long query does not empty the results.
            MinimumNumberShouldMatch = terms.Count <= 2 ? terms.Count : terms.Count - 1,
        };
        foreach (var word in words.DistinctBy(word => word.Stem, StringComparer.Ordinal))
        {
            allTerms.Add(AnyField(reader, word, bodyTerms), Occur.SHOULD);
        }

        // A lone clause must match anyway. Without a minimum Lucene unwraps it, and one word is scored by its
        // fields' scorers alone instead of through two boolean scorers around them: the same scores, and a
        // tenth less time for one-word queries at a million documents (ADR 0095).
        allTerms.MinimumNumberShouldMatch = allTerms.Clauses.Count == 1 ? 0 : Math.Min(allTerms.MinimumNumberShouldMatch, allTerms.Clauses.Count);
        var query = new BooleanQuery { { allTerms, Occur.MUST } };
        if (terms.Count == 1)
        {
            return (query, null, bodyTerms);
        }

        var withPhrases = new BooleanQuery
        {
            { allTerms, Occur.MUST },
            { Phrase(LuceneFields.Title, terms, TitleBoost * 2), Occur.SHOULD },
            { Phrase(LuceneFields.Body, terms, BodyBoost * 2), Occur.SHOULD },
        };
        return (query, withPhrases, bodyTerms);
    }

    public static Filter Filter(SearchQuery query)
    {
        var filter = new BooleanFilter();
        if (query.Types.Count > 0)
        {
            filter.Add(new TermsFilter(query.Types.Select(type => new Term(LuceneFields.Type, type)).ToList()), Occur.MUST);
        }

        if (!string.IsNullOrEmpty(query.Department))
        {
            filter.Add(new TermsFilter(new Term(LuceneFields.Department, query.Department)), Occur.MUST);
        }

        if (!string.IsNullOrEmpty(query.Tag))
        {
            filter.Add(new TermsFilter(new Term(LuceneFields.Tag, query.Tag)), Occur.MUST);
        }

        // Permissions alone are used as they are: a BooleanFilter around them copies its result into a new
        // bit set the size of the segment on every search (125 KB on the large object heap at a million
        // documents; at 100 searches a second, a background collection of the whole heap every two seconds).
        if (filter.Clauses.Count == 0)
        {
            return Visible(query.ViewerCommunities);
        }

        filter.Add(Visible(query.ViewerCommunities), Occur.MUST);
        return filter;
    }

    /// <summary>
    /// Permissions live inside the query, before counting and paging, so totals, facets, pages and
    /// suggestions never include what the viewer may not see: public documents (a bit set cached
    /// per segment), or those of one of the viewer's communities, one terms lookup however many
    /// communities. Tombstones have no access at all.
    /// </summary>
    public static Filter Visible(IReadOnlyCollection<Guid> viewerCommunities)
    {
        if (viewerCommunities.Count == 0)
        {
            return PublicOnly;
        }

        return new BooleanFilter
        {
            { PublicOnly, Occur.SHOULD },
            { OfCommunities(viewerCommunities), Occur.SHOULD },
        };
    }

    /// <summary>The documents of the given closed communities only.</summary>
    public static Filter OfCommunities(IReadOnlyCollection<Guid> communities) =>
        new TermsFilter(communities.Select(community => new Term(LuceneFields.Access, LuceneFields.AccessOf(community))).ToList());

    /// <summary>
    /// The word's stem in any field or, for a word the index does not know (a typo), its near
    /// misses: of the typed word among the plain words of title and tags, of its stem in bodies
    /// (bodies are not indexed twice: they are most of the index). Known words skip the fuzzy
    /// expansion, which costs far more than the rest of the query.
    /// </summary>
    private static BooleanQuery AnyField(IndexReader reader, QueryWord word, HashSet<string> bodyTerms)
    {
        bodyTerms.Add(word.Stem);
        // Each term is looked up once: for its document frequency here, and for scoring later.
        var title = Lookup(reader, LuceneFields.Title, word.Stem);
        var tags = Lookup(reader, LuceneFields.TagsText, word.Stem);
        var body = Lookup(reader, LuceneFields.Body, word.Stem);
        var any = new BooleanQuery
        {
            { Boosted(new TermQuery(title.Term, title.Context), TitleBoost), Occur.SHOULD },
            { Boosted(new TermQuery(tags.Term, tags.Context), TagBoost), Occur.SHOULD },
            { Boosted(new TermQuery(body.Term, body.Context), BodyBoost), Occur.SHOULD },
        };
        if (title.Context.DocFreq + tags.Context.DocFreq + body.Context.DocFreq > 0)
        {
            return any;
        }

        AddTypos(any, reader, LuceneFields.PlainWords, word.Word, TitleBoost);
        bodyTerms.UnionWith(AddTypos(any, reader, LuceneFields.Body, word.Stem, BodyBoost));
        return any;
    }

    private static (Term Term, TermContext Context) Lookup(IndexReader reader, string field, string text)
    {
        var term = new Term(field, text);
        return (term, TermContext.Build(reader.Context, term));
    }

    /// <summary>Near misses score less than exact matches, and less the more edits they need.</summary>
    private static IEnumerable<string> AddTypos(BooleanQuery any, IndexReader reader, string field, string text, float boost)
    {
        var candidates = TypoCandidates.Find(reader, field, text, QueryTerms.MaxEditsFor(text));
        foreach (var (candidate, edits) in candidates)
        {
            any.Add(Boosted(new TermQuery(new Term(field, candidate)), boost * FuzzyDiscount / edits), Occur.SHOULD);
        }

        return candidates.Select(candidate => candidate.Term);
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
