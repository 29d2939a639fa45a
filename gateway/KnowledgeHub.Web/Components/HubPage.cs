using KnowledgeHub.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Web.Components;

/// <summary>What every page of the UI uses: the API, the request, navigation and the outcome of its last form.</summary>
public abstract class HubPage : ComponentBase
{
    [CascadingParameter]
    internal HttpContext? HttpContext { get; set; }

    [Inject]
    internal HubApi Api { get; set; } = default!;

    [Inject]
    internal NavigationManager Navigation { get; set; } = default!;

    internal FormOutcome Outcome { get; set; } = FormOutcome.None;

    internal Viewer? Viewer => Viewer.From(HttpContext);

    /// <summary>The <c>aria-describedby</c> of a field: its error list when there is one.</summary>
    internal string? DescribedBy(string field) => Outcome.For(field).Count > 0 ? field + "-error" : null;

    /// <summary>The <c>aria-invalid</c> of a plain input (an EditForm's inputs set their own).</summary>
    internal string? AriaInvalid(string field) => Outcome.For(field).Count > 0 ? "true" : null;

    internal static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary><c>&amp;name=value</c> for a query string, or nothing when the value is blank.</summary>
    internal static string QueryPart(string name, string? value) => string.IsNullOrWhiteSpace(value) ? "" : $"&{name}={Escape(value.Trim())}";

    /// <summary>Tags typed as a comma-separated list; the API normalises them.</summary>
    internal static string[] SplitTags(string? tags) =>
        (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Only a path on this site: a redirect the UI makes never leads to another origin.</summary>
    internal static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
