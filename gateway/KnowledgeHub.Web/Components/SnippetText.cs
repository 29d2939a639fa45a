using System.Text.RegularExpressions;

namespace KnowledgeHub.Web.Components;

/// <summary>
/// A search snippet as a reader should see it: the index gives the indexed Markdown, HTML-escaped,
/// with <c>&lt;mark&gt;</c> around matches. This keeps the marks and drops the Markdown's markers
/// (emphasis, inline code, links, headings, quotes) so <c>**service template**</c> reads as words.
/// </summary>
internal static partial class SnippetText
{
    public static string Plain(string snippet)
    {
        var text = LinkPattern().Replace(snippet, "$1");
        text = StrongOrCodePattern().Replace(text, "");
        text = EmphasisPattern().Replace(text, "$1");
        return LineMarkerPattern().Replace(text, "");
    }

    // [text](url) → text; the url may hold marks of its own.
    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkPattern();

    // **, __, ~~ and backticks never belong to plain words.
    [GeneratedRegex(@"\*\*|__|~~|`+")]
    private static partial Regex StrongOrCodePattern();

    // *word* or _word_ at word edges; snake_case and 2*3 stay.
    [GeneratedRegex(@"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")]
    private static partial Regex EmphasisPattern();

    // Headings, quotes and bullets at the start of a line: "## ", "&gt; ", "- ".
    [GeneratedRegex(@"(?m)^\s*(#{1,6}|&gt;|[-*+])\s+")]
    private static partial Regex LineMarkerPattern();
}
