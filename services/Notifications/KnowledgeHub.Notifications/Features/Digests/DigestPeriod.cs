using System.Globalization;
using KnowledgeHub.Notifications.Features.Email;

namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>
/// A digest period of one person: it begins at <see cref="Slot"/>, the digest hour in the person's
/// time zone (every day, or on the weekly day), and is named by its local date (<c>daily:2026-12-02</c>),
/// the key that makes one digest per person and period.
/// </summary>
internal sealed record DigestPeriod(string Key, DateTimeOffset Slot, TimeSpan Length)
{
    public const string Daily = "daily";
    public const string Weekly = "weekly";

    /// <summary>The latest period whose slot has come at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static DigestPeriod Latest(string frequency, TimeZoneInfo zone, DateTimeOffset now, DigestSettings settings)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (local.Hour < settings.Hour)
        {
            day = day.AddDays(-1);
        }

        var weekly = frequency == Weekly;
        if (weekly)
        {
            day = day.AddDays(-(((int)day.DayOfWeek - (int)settings.WeeklyDay + 7) % 7));
        }

        var slot = day.ToDateTime(new TimeOnly(settings.Hour, 0));
        return new DigestPeriod(
            $"{frequency}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            new DateTimeOffset(slot, zone.GetUtcOffset(slot)),
            TimeSpan.FromDays(weekly ? 7 : 1));
    }
}
