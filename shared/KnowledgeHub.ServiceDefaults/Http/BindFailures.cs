using System.Text.RegularExpressions;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>
/// Minimal APIs report a route or query value they could not bind only in prose
/// (<c>Failed to bind parameter "int? limit" from "abc".</c>); this recovers the field's name so
/// the 400 can name it in <c>errors</c> like every other validation failure.
/// </summary>
internal static partial class BindFailures
{
    public static string? FieldOf(string message)
    {
        var match = ParameterPattern().Match(message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "(?:[^"]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?! from the request body)""")]
    private static partial Regex ParameterPattern();
}
