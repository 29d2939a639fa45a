using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// A short, HTML-safe excerpt of a body around its first match, with every matching word wrapped
/// in <c>&lt;mark&gt;</c> (built here: Lucene.Net's highlighter is not available).
/// </summary>
internal static class Snippets
{
    private const int Length = 200;
    private const int LeadIn = 40;

    public static string Build(Analyzer analyzer, string body, IReadOnlyList<string> queryTerms)
    {
        var matches = queryTerms.Count == 0 ? [] : FindMatches(analyzer, body, queryTerms);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - LeadIn);
        if (start > 0)
        {
            // Start at a word boundary rather than mid-word.
            var space = body.IndexOf(' ', start);
            start = space >= 0 && space < matches[0].Start ? space + 1 : start;
        }

        var end = Math.Min(body.Length, start + Length);
        var snippet = new StringBuilder();
        if (start > 0)
        {
            snippet.Append('…');
        }

        var position = start;
        foreach (var (matchStart, matchEnd) in matches.Where(match => match.Start >= start && match.End <= end))
        {
            snippet.Append(WebUtility.HtmlEncode(body[position..matchStart]));
            snippet.Append("<mark>").Append(WebUtility.HtmlEncode(body[matchStart..matchEnd])).Append("</mark>");
            position = matchEnd;
        }

        snippet.Append(WebUtility.HtmlEncode(body[position..end]));
        if (end < body.Length)
        {
            snippet.Append('…');
        }

        return snippet.ToString();
    }

    private static List<(int Start, int End)> FindMatches(Analyzer analyzer, string body, IReadOnlyList<string> queryTerms)
    {
        var matches = new List<(int Start, int End)>();
        using var stream = analyzer.GetTokenStream(LuceneFields.Body, body);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var candidate = term.ToString();
            if (queryTerms.Any(queryTerm => QueryTerms.Matches(queryTerm, candidate)))
            {
                matches.Add((offsets.StartOffset, offsets.EndOffset));
            }
        }

        stream.End();
        return matches;
    }
}
