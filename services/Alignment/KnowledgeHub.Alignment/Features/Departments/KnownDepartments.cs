using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Departments;

/// <summary>
/// Projects and objectives may only name departments the Expertise service has announced
/// (DepartmentChanged). The copy is eventually consistent: a department created a moment ago
/// may not be known here yet, and the request is refused until it is.
/// </summary>
internal static class KnownDepartments
{
    /// <summary>Adds an error for <paramref name="field"/> for each code that is not a known department.</summary>
    public static async Task CheckAsync(
        UnitOfWork work, Validation validation, string field, IReadOnlyCollection<string> codes)
    {
        if (codes.Count == 0)
        {
            return;
        }

        var known = (await work.QueryAsync<string>(
            $"SELECT code FROM departments WHERE {work.Dialect.InList("code", "@Codes")}",
            new { Codes = codes.ToArray() })).ToHashSet(StringComparer.Ordinal);
        foreach (var code in codes.Where(code => !known.Contains(code)))
        {
            validation.Add(field, $"There is no department '{code}'. Departments are managed in the directory (PUT /api/departments/{{code}}).");
        }
    }
}
