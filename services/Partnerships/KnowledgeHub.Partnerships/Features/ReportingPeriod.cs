using System.Globalization;
using KnowledgeHub.Partnerships.Features.Record;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Partnerships.Features;

/// <summary>
/// The dates a figure covers: <c>from</c> and <c>to</c> (YYYY-MM-DD, both included), by default the
/// twelve months up to today. Help is kept per month, so a period counts the whole months it touches.
/// </summary>
internal sealed record ReportingPeriod(DateOnly From, DateOnly To)
{
    public const int MaxYears = 5;

    public string FirstMonth => Ledger.Month(new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public string LastMonth => Ledger.Month(new DateTimeOffset(To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>Every month of the period, oldest first, as the aggregates key them (YYYY-MM).</summary>
    public IReadOnlyList<string> Months()
    {
        var months = new List<string>();
        for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        return months;
    }

    /// <summary>The period asked for; bad dates, <c>from</c> after <c>to</c> and periods over five years are field errors.</summary>
    public static ReportingPeriod? Parse(string? from, string? to, TimeProvider time, Validation validation)
    {
        var end = Date(to, "to", validation) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var start = Date(from, "from", validation) ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        if (!validation.IsValid)
        {
            return null;
        }

        validation.Require(start <= end, "from", "'from' must not be after 'to'.");
        validation.Require(start.AddYears(MaxYears) >= end, "to", $"A period covers at most {MaxYears} years.");
        return validation.IsValid ? new ReportingPeriod(start, end) : null;
    }

    private static DateOnly? Date(string? value, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        validation.Add(field, $"'{field}' is a date like 2026-01-31.");
        return null;
    }
}
