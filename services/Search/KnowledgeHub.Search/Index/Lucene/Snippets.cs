using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// A short, HTML-safe excerpt of a body around its first match, with every matching word wrapped
/// in <c>&lt;mark&gt;</c> (built here: Lucene.Net's highlighter is not available). A word matches
/// when its stem is one the query searched the body for, typo candidates included; the body is
/// analysed only as far as the excerpt reaches, and tokens are compared without copying them.
/// </summary>
internal static class Snippets
{
    private const int Length = 200;
    private const int LeadIn = 40;

    public static string Build(Analyzer analyzer, string body, IReadOnlySet<string> bodyTerms)
    {
        var matches = bodyTerms.Count == 0 ? [] : FindMatches(analyzer, body, bodyTerms);
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - LeadIn);
        if (start > 0)
        {
            // Start at a word boundary rather than mid-word.
            var space = body.IndexOf(' ', start);
            start = space >= 0 && space < matches[0].Start ? space + 1 : start;
        }

        var end = Math.Min(body.Length, start + Length);
        var snippet = new StringBuilder(Length + 64);
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

    private static List<(int Start, int End)> FindMatches(Analyzer analyzer, string body, IReadOnlySet<string> bodyTerms)
    {
        var lookup = bodyTerms is HashSet<string> set
            ? set.GetAlternateLookup<ReadOnlySpan<char>>()
            : new HashSet<string>(bodyTerms, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var matches = new List<(int Start, int End)>();
        var reach = int.MaxValue;
        using var stream = analyzer.GetTokenStream(LuceneFields.Body, body);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && offsets.StartOffset <= reach)
        {
            if (lookup.Contains(term.Buffer.AsSpan(0, term.Length)))
            {
                matches.Add((offsets.StartOffset, offsets.EndOffset));
                reach = Math.Min(reach, Math.Max(0, offsets.StartOffset - LeadIn) + Length);
            }
        }

        stream.End();
        return matches;
    }
}
