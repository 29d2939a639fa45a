using System.Text.RegularExpressions;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>What an error may show a client: an RFC 9457 problem, never the server's internals.</summary>
public static partial class ErrorBodies
{
    /// <summary>Why <paramref name="body"/> leaks internals, or null when it does not.</summary>
    public static string? Leak(string body) => Internals().Match(body) is { Success: true } match ? match.Value : null;

    public static async Task AssertCleanProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(Leak(body) is null, $"The error body shows internals ('{Leak(body)}'): {body}");
    }

    // Stack frames, exception type names and SQL or driver names: what an unhandled exception would print.
    [GeneratedRegex(@"\bat [\w.`<>]+\(|[\w.]+Exception\b|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b|SQLite Error|Npgsql|\.cs:line \d+", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Internals();
}
