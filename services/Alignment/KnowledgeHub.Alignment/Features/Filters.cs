using KnowledgeHub.Alignment.Features.Objectives;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features;

/// <summary>Query-string filters of Alignment's lists. An empty value (<c>?period=</c>) leaves the filter unset.</summary>
internal static class Filters
{
    public static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The normalised department code, or null when not given; a malformed code is a field error.</summary>
    public static string? Department(string? department, Validation validation)
    {
        if (Given(department) is not { } given)
        {
            return null;
        }

        var code = DepartmentCodes.Normalize(given);
        validation.Require(code is not null, "department", $"'department' is a department code ({DepartmentCodes.Rule}).");
        return code;
    }

    /// <summary><c>true</c> or <c>false</c> (any case), or null when not given; anything else is a field error.</summary>
    public static bool? Flag(string? value, string field, Validation validation)
    {
        if (Given(value) is not { } given)
        {
            return null;
        }

        validation.Require(bool.TryParse(given, out var flag), field, $"'{field}' is true or false.");
        return flag;
    }

    /// <summary>The normalised period, or null when not given; a malformed period is a field error.</summary>
    public static string? Period(string? period, Validation validation) =>
        Given(period) is { } given ? Periods.Check(given, "period", validation) : null;
}
