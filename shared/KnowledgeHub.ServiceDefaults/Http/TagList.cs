using System.Text.RegularExpressions;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>
/// Tags as every service stores them: trimmed, lower-case, distinct, at most <see cref="MaxTags"/>
/// of at most <see cref="MaxLength"/> characters, and free of commas so lists of them can be joined.
/// </summary>
public static partial class TagList
{
    public const int MaxTags = 20;
    public const int MaxLength = 50;

    public static IReadOnlyList<string> Normalize(IEnumerable<string?>? tags, Validation validation, string field = "tags")
    {
        var normalized = new List<string>();
        foreach (var raw in tags ?? [])
        {
            var tag = raw?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(tag) || tag.Length > MaxLength || !TagPattern().IsMatch(tag))
            {
                validation.Add(field, $"Each tag is 1 to {MaxLength} letters, digits or the characters + # . - _ and spaces; '{Shorten(raw)}' is not.");
                continue;
            }

            if (!normalized.Contains(tag))
            {
                normalized.Add(tag);
            }
        }

        validation.Require(normalized.Count <= MaxTags, field, $"At most {MaxTags} tags.");
        return normalized;
    }

    /// <summary>Splits a comma-joined aggregate back into sorted tags.</summary>
    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',').Order(StringComparer.Ordinal).ToList();

    private static string Shorten(string? raw) => raw is null ? "" : raw.Length > 20 ? raw[..20] + "…" : raw;

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}+#._\- ]*$")]
    private static partial Regex TagPattern();
}
