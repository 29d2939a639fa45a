using System.Text.RegularExpressions;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Objectives;

/// <summary>
/// Planning periods: a year (<c>2026</c>), a half year (<c>2026-H2</c>) or a quarter (<c>2026-Q4</c>).
/// Periods nest (ADR 0042): a quarter lies in its half year, and both in their year.
/// </summary>
internal static partial class Periods
{
    public const string Rule = "YYYY (year), YYYY-Hn (half year, n = 1 or 2) or YYYY-Qn (quarter, n = 1 to 4), such as 2026-H2";

    public static string? Normalize(string? period)
    {
        var upper = period?.Trim().ToUpperInvariant();
        return upper is not null && Pattern().IsMatch(upper) ? upper : null;
    }

    /// <summary>The normalised period, recording an error for <paramref name="field"/> when it is not one.</summary>
    public static string? Check(string? period, string field, Validation validation)
    {
        var normalized = Normalize(period);
        validation.Require(normalized is not null, field, $"'{field}' must look like {Rule}.");
        return normalized;
    }

    /// <summary>The half year <paramref name="now"/> falls in.</summary>
    public static string CurrentHalf(DateTimeOffset now) => $"{now.Year:0000}-H{(now.Month <= 6 ? 1 : 2)}";

    /// <summary>
    /// The normalised <paramref name="period"/> and every period that contains it, smallest first:
    /// 2026-Q4 gives 2026-Q4, 2026-H2 and 2026; 2026-H1 gives 2026-H1 and 2026; 2026 gives 2026.
    /// </summary>
    public static IReadOnlyList<string> Containing(string period)
    {
        var year = period[..4];
        return period.Length == 4 ? [period]
            : period[5] == 'H' ? [period, year]
            : [period, $"{year}-H{(period[6] <= '2' ? 1 : 2)}", year];
    }

    [GeneratedRegex("^(19|20|21)[0-9]{2}(-(H[12]|Q[1-4]))?$")]
    private static partial Regex Pattern();
}
