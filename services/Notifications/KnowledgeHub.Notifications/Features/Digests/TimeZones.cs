namespace KnowledgeHub.Notifications.Features.Digests;

/// <summary>People's time zones: IANA ids only (say <c>Europe/Berlin</c>); none set reads as UTC.</summary>
internal static class TimeZones
{
    public const string Default = "UTC";

    /// <summary>The zone an IANA id names, or null when it names none (a Windows id included).</summary>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 100 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;

    /// <summary>The zone of a stored preference; a zone the system no longer knows falls back to UTC.</summary>
    public static TimeZoneInfo Of(string? id) => Find(id ?? Default) ?? TimeZoneInfo.Utc;
}
