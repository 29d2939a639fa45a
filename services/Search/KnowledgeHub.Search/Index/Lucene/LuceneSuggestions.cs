using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Completions from the edge n-gram fields: titles (people's names among them) whose words start
/// with every typed word, titles that start with the whole typed text first; and people's skills
/// that start with the typed text, most common first, read from the skill terms themselves.
/// </summary>
internal static class LuceneSuggestions
{
    /// <summary>Skill terms looked at per segment: enough to rank the common ones, bounded for long prefixes.</summary>
    private const int MaxSkillCandidates = 64;
    private const float WholeTitlePrefixBoost = 4f;

    public static IReadOnlyList<Suggestion> Suggest(IndexSearcher searcher, LuceneAnalyzers analyzers, SuggestQuery query)
    {
        var words = QueryTerms.Analyze(analyzers.Words, LuceneFields.TitleWordPrefixes, query.Text)
            .Where(word => word.Length >= LuceneAnalyzers.MinPrefix)
            .Select(word => word.Length > LuceneAnalyzers.MaxWordPrefix ? word[..LuceneAnalyzers.MaxWordPrefix] : word)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var skills = Skills(searcher.IndexReader, query.Text.Trim().ToLowerInvariant(), query.Limit);
        var titles = Titles(searcher, analyzers, query, words);

        // Skills take at most a third of the list unless titles leave room.
        var skillSlots = Math.Min(skills.Count, Math.Max(query.Limit - titles.Count, (query.Limit + 2) / 3));
        return titles.Take(query.Limit - skillSlots).Concat(skills.Take(skillSlots)).ToList();
    }

    private static List<Suggestion> Titles(IndexSearcher searcher, LuceneAnalyzers analyzers, SuggestQuery query, List<string> words)
    {
        var titles = new BooleanQuery();
        foreach (var word in words)
        {
            titles.Add(new TermQuery(new Term(LuceneFields.TitleWordPrefixes, word)), Occur.MUST);
        }

        var whole = QueryTerms.Analyze(analyzers.Whole, LuceneFields.TitlePrefixes, query.Text) is [var text]
            ? text.Length > LuceneAnalyzers.MaxTitlePrefix ? text[..LuceneAnalyzers.MaxTitlePrefix] : text
            : "";
        if (whole.Length >= LuceneAnalyzers.MinPrefix)
        {
            titles.Add(new TermQuery(new Term(LuceneFields.TitlePrefixes, whole)) { Boost = WholeTitlePrefixBoost }, Occur.SHOULD);
        }

        // Best first, then newest: update times from the segments' cached values, not decoded from doc values per match.
        var top = new TopDocumentsCollector(query.Limit, byScore: true);
        searcher.Search(titles, LuceneQueryBuilder.Visible(query.ViewerCommunities), top);
        return top.Hits()
            .Select(hit => searcher.Doc(hit.Doc))
            .Select(document => new Suggestion(document.Get(LuceneFields.Title), document.Get(LuceneFields.Type), LuceneFields.IdOf(document)))
            .ToList();
    }

    private static List<Suggestion> Skills(IndexReader reader, string prefix, int limit)
    {
        if (prefix.Length < LuceneAnalyzers.MinPrefix)
        {
            return [];
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = new BytesRef(prefix);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(LuceneFields.Skill)?.GetEnumerator();
            if (terms is null || terms.SeekCeil(start) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            var liveDocs = leaf.AtomicReader.LiveDocs;
            var seen = 0;
            do
            {
                if (!StringHelper.StartsWith(terms.Term, start) || ++seen > MaxSkillCandidates)
                {
                    break;
                }

                // Deleted documents linger in the terms until a merge: in a segment with deletions, count only live ones.
                var people = liveDocs is null ? terms.DocFreq : CountLive(terms.Docs(liveDocs, null, DocsFlags.NONE));
                if (people > 0)
                {
                    var skill = terms.Term.Utf8ToString();
                    counts[skill] = counts.GetValueOrDefault(skill) + people;
                }
            }
            while (terms.MoveNext());
        }

        return counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(pair => new Suggestion(pair.Key, Suggestion.SkillType, null))
            .ToList();
    }

    private static int CountLive(DocsEnum docs)
    {
        var count = 0;
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            count++;
        }

        return count;
    }
}
