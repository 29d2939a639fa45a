using System.Globalization;
using System.Text;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Scim;

/// <summary>
/// The directory names departments by free text ("Research &amp; Development"); the hub keys them by
/// code. A text finds the department of that name (any case) or code, else creates one whose
/// code is the text made a code (<c>RESEARCH-DEVELOPMENT</c>) and whose name is the text.
/// </summary>
internal sealed class ScimDepartments(DepartmentDirectory departments)
{
    public async Task<string> ResolveAsync(UnitOfWork work, string? text)
    {
        if (text is null)
        {
            await departments.EnsureAsync(work, DepartmentCodes.Unassigned);
            return DepartmentCodes.Unassigned;
        }

        var byName = await work.QueryOneAsync<string>(
            "SELECT code FROM departments WHERE lower(name) = lower(@Name) ORDER BY code LIMIT 1", new { Name = text });
        if (byName is not null)
        {
            return byName;
        }

        var code = CodeOf(text) ?? throw ScimException.InvalidValue($"'{text}' cannot name a department: it needs a letter or digit.");
        await departments.EnsureAsync(work, code, text);
        return code;
    }

    /// <summary>The text upper-cased, accents dropped, every run of other characters one '-', cut to 32.</summary>
    public static string? CodeOf(string text)
    {
        var code = new StringBuilder();
        foreach (var character in text.Normalize(NormalizationForm.FormD).ToUpperInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var kept = character is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? character : '-';
            if (kept != '-' || (code.Length > 0 && code[^1] != '-'))
            {
                code.Append(kept);
            }
        }

        var trimmed = code.ToString().Trim('-');
        return DepartmentCodes.Normalize(trimmed.Length <= 32 ? trimmed : trimmed[..32].TrimEnd('-'));
    }
}
