using System.Text.RegularExpressions;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>Department codes are short upper-case keys (<c>IT</c>, <c>FIN</c>, <c>R-AND-D</c>).</summary>
public static partial class DepartmentCodes
{
    /// <summary>Where people land whose token or import names no usable department.</summary>
    public const string Unassigned = "UNASSIGNED";

    public const string Rule = "1 to 32 letters, digits, '-' or '_', starting with a letter or digit";

    public static string? Normalize(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant();
        return upper is not null && Pattern().IsMatch(upper) ? upper : null;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,31}$")]
    private static partial Regex Pattern();
}
