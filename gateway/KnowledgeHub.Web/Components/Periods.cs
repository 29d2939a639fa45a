using System.Globalization;

namespace KnowledgeHub.Web.Components;

/// <summary>Planning periods as the Alignment API writes them.</summary>
internal static class Periods
{
    /// <summary>The half year of today, like <c>2026-H2</c>: what a new objective most often plans for.</summary>
    public static string CurrentHalf(DateTime? today = null)
    {
        var date = today ?? DateTime.UtcNow;
        return string.Create(CultureInfo.InvariantCulture, $"{date.Year}-H{(date.Month <= 6 ? 1 : 2)}");
    }
}
