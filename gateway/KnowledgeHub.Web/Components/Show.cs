using System.Globalization;

namespace KnowledgeHub.Web.Components;

/// <summary>How numbers read on the pages, the same whatever culture the server runs in.</summary>
internal static class Show
{
    public static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(double? share) => share is { } value ? Percent((decimal)value) : "—";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, string? currency) => $"{amount.ToString("N0", CultureInfo.InvariantCulture)} {currency}".TrimEnd();

    public static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
