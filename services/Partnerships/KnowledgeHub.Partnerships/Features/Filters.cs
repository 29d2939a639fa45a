using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Partnerships.Features;

/// <summary>Query-string filters. An empty value leaves the filter unset.</summary>
internal static class Filters
{
    /// <summary>The normalised department code, or null when not given; a malformed code is a field error.</summary>
    public static string? Department(string? department, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            return null;
        }

        var code = DepartmentCodes.Normalize(department);
        validation.Require(code is not null, "department", $"'department' is a department code ({DepartmentCodes.Rule}).");
        return code;
    }

    /// <summary>How many items a ranked list answers with: 1 to 100, 20 by default.</summary>
    public static int Limit(int? limit, Validation validation)
    {
        validation.Require(limit is null or >= 1 and <= PageRequest.MaxLimit, "limit", $"'limit' is between 1 and {PageRequest.MaxLimit}.");
        return limit ?? PageRequest.DefaultLimit;
    }
}
