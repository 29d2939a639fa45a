using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>An equality filter, <c>attribute eq "value"</c>, the one form identity providers send (RFC 7644 §3.4.2.2).</summary>
internal sealed partial record ScimFilter(string Attribute, string Value)
{
    /// <summary>Null without a filter; otherwise one of <paramref name="attributes"/> compared with eq, or 400 invalidFilter.</summary>
    public static ScimFilter? Parse(string? filter, params string[] attributes)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var match = Pattern().Match(filter);
        if (!match.Success)
        {
            throw ScimException.InvalidFilter($"Filters are 'attribute eq \"value\"' (one of {string.Join(", ", attributes)}); '{filter}' is not one.");
        }

        var attribute = attributes.FirstOrDefault(name => string.Equals(name, match.Groups["attribute"].Value, StringComparison.OrdinalIgnoreCase))
            ?? throw ScimException.InvalidFilter($"Filtering on '{match.Groups["attribute"].Value}' is not supported: use {string.Join(", ", attributes)}.");
        if (!string.Equals(match.Groups["op"].Value, "eq", StringComparison.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidFilter($"Only the 'eq' operator is supported, not '{match.Groups["op"].Value}'.");
        }

        string value;
        try
        {
            value = JsonNode.Parse(match.Groups["value"].Value)!.GetValue<string>();
        }
        catch (JsonException)
        {
            throw ScimException.InvalidFilter($"'{match.Groups["value"].Value}' is not a JSON string.");
        }

        return new ScimFilter(attribute, value);
    }

    [GeneratedRegex("""^\s*(?<attribute>[A-Za-z][\w.:-]*)\s+(?<op>[A-Za-z]{2})\s+(?<value>"(?:[^"\\]|\\.)*")\s*$""")]
    private static partial Regex Pattern();
}

/// <summary>Index-based paging (RFC 7644 §3.4.2.4): <c>startIndex</c> from 1, <c>count</c> up to <see cref="MaxCount"/>.</summary>
internal sealed record ScimPage(int StartIndex, int Count)
{
    public const int MaxCount = 200;

    public int Offset => StartIndex - 1;

    public static ScimPage Parse(string? startIndex, string? count) =>
        new(
            startIndex is null ? 1 : Math.Max(1, Number(startIndex, "startIndex")),
            count is null ? MaxCount : Math.Clamp(Number(count, "count"), 0, MaxCount));

    /// <summary>A ListResponse of one page of <paramref name="resources"/> out of <paramref name="total"/>.</summary>
    public JsonObject ToList(long total, IEnumerable<JsonNode> resources)
    {
        var page = new JsonArray(resources.ToArray());
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = total,
            ["startIndex"] = StartIndex,
            ["itemsPerPage"] = page.Count,
            ["Resources"] = page,
        };
    }

    private static int Number(string text, string name) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw ScimException.InvalidValue($"'{name}' must be an integer.");
}
