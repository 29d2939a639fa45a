using Ganss.Xss;
using KnowledgeHub.ServiceDefaults.Http;
using Markdig;

namespace KnowledgeHub.Communities.Features;

/// <summary>
/// Markdown as members write it, rendered to HTML that a browser can show without running anything
/// from it. Two independent layers: Markdig treats raw HTML as text, and an allow-list sanitizer
/// then keeps only the elements, attributes and URL schemes plain Markdown produces.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    // No style attribute or element is allowed, so no CSS reaches the page.
    // Sanitize is thread-safe on a shared instance as long as its options never change.
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "ins", "mark", "sub", "sup",
            "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
    });

    public const int MaxNesting = 32;

    /// <summary>Runs of <c>*</c>, <c>_</c> or <c>~</c>: each may open or close emphasis, and the parser's work grows faster than their number.</summary>
    public const int MaxEmphasisMarks = 2_000;

    public const int MaxHtmlLength = 256 * 1024;

    /// <summary>Far above an ordinary post's few milliseconds, so that a busy machine does not refuse one.</summary>
    public static readonly TimeSpan RenderBudget = TimeSpan.FromSeconds(5);

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>
    /// The HTML of <paramref name="markdown"/>, or null with an error on <paramref name="field"/> naming
    /// the limit it breaks (issue 24: deep nesting answered 500, emphasis runs cost 0.4 s, a table grew
    /// six-fold). Renders only a request that is valid so far, on the thread pool within a time budget.
    /// </summary>
    public static async Task<string?> RenderAsync(string? markdown, string field, Validation validation)
    {
        if (markdown is null || !validation.IsValid)
        {
            return null;
        }

        if (BrokenLimit(markdown) is { } broken)
        {
            validation.Add(field, $"'{field}' {broken}.");
            return null;
        }

        string html;
        try
        {
            html = await Task.Run(() => ToHtml(markdown)).WaitAsync(RenderBudget);
        }
        catch (TimeoutException)
        {
            validation.Add(field, $"'{field}' is too complex to render within {RenderBudget.TotalSeconds:0} s.");
            return null;
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit, for nesting the scan below does not count (lists, say).
            validation.Add(field, $"'{field}' is nested more than {MaxNesting} levels deep.");
            return null;
        }

        return validation.Require(html.Length <= MaxHtmlLength, field, $"'{field}' renders to more than {MaxHtmlLength / 1024} KB of HTML.").IsValid ? html : null;
    }

    private static string? BrokenLimit(string markdown)
    {
        var quoteDepth = 0;
        var bracketDepth = 0;
        var deepest = 0;
        var emphasisRuns = 0;
        var startOfLine = true;
        for (var index = 0; index < markdown.Length; index++)
        {
            var character = markdown[index];
            switch (character)
            {
                case '\n':
                    startOfLine = true;
                    quoteDepth = 0;
                    continue;
                case '>' when startOfLine:
                    deepest = Math.Max(deepest, ++quoteDepth);
                    continue;
                case ' ' or '\t' when startOfLine:
                    continue;
                case '\\':
                    index++;
                    break;
                case '[':
                    deepest = Math.Max(deepest, ++bracketDepth);
                    break;
                case ']':
                    bracketDepth = Math.Max(0, bracketDepth - 1);
                    break;
                case '*' or '_' or '~' when index == 0 || markdown[index - 1] != character:
                    emphasisRuns++;
                    break;
            }

            startOfLine = false;
        }

        return deepest > MaxNesting ? $"is nested more than {MaxNesting} levels deep (quotes or brackets)"
            : emphasisRuns > MaxEmphasisMarks ? $"has more than {MaxEmphasisMarks} emphasis marks (*, _ or ~)"
            : null;
    }

    /// <summary>HTML written elsewhere (an imported Stack Exchange body), kept to what the same allow-list lets through.</summary>
    public static string SanitizeHtml(string html) => Sanitizer.Sanitize(html);
}
