using Ganss.Xss;
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

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>HTML written elsewhere (an imported Stack Exchange body), kept to what the same allow-list lets through.</summary>
    public static string SanitizeHtml(string html) => Sanitizer.Sanitize(html);
}
