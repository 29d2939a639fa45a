using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>The routes docs/api.md lists, written there as <c>`METHOD /path`</c>, before and after its "Not yet built" heading.</summary>
internal static partial class ApiDocs
{
    public const string NotYetBuiltHeading = "## Not yet built";

    public sealed record DocumentedRoute(string Method, string Path);

    public static (IReadOnlyList<DocumentedRoute> Served, IReadOnlyList<DocumentedRoute> NotYetBuilt) Routes()
    {
        var text = File.ReadAllText(RepositoryRoot.Of("docs/api.md"));
        var split = text.IndexOf(NotYetBuiltHeading, StringComparison.Ordinal);
        Assert.True(split > 0, $"docs/api.md has no '{NotYetBuiltHeading}' section.");
        return (RoutesIn(text[..split]), RoutesIn(text[split..]));
    }

    private static List<DocumentedRoute> RoutesIn(string markdown) =>
        Route().Matches(markdown).Select(match => new DocumentedRoute(match.Groups["method"].Value, match.Groups["path"].Value)).ToList();

    [GeneratedRegex(@"`(?<method>GET|POST|PUT|DELETE|PATCH) (?<path>/[^`\s]*)`")]
    private static partial Regex Route();
}
