using System.Text.Json.Serialization;
using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Digests;

namespace KnowledgeHub.Notifications.Features.Preferences;

/// <summary>
/// A person's choices: which kinds reach them by e-mail at once, whether a digest comes daily or
/// weekly and in which time zone (an IANA id) it is written, and which kinds they muted (never written for them). Unknown fields are refused, so a
/// misspelt setting is an error rather than silently nothing.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record NotificationPreferences(EmailPreferences? Email, IReadOnlyList<string>? Muted)
{
    public const string DigestOff = "off";
    public static readonly IReadOnlyList<string> Digests = [DigestOff, "daily", "weekly"];

    public static readonly NotificationPreferences Default = new(new EmailPreferences(DigestOff, [], TimeZones.Default), []);

    public static async Task<NotificationPreferences> ReadAsync(DbSession session, Guid personId)
    {
        var saved = await session.QueryOneAsync<Saved>("SELECT digest AS Digest, time_zone AS TimeZone FROM preferences WHERE person_id = @PersonId", new { PersonId = personId });
        var kinds = await session.QueryAsync<Choice>(
            "SELECT setting AS Setting, kind AS Kind FROM preference_kinds WHERE person_id = @PersonId ORDER BY setting, kind", new { PersonId = personId });
        return new NotificationPreferences(
            new EmailPreferences(
                saved?.Digest ?? DigestOff,
                kinds.Where(choice => choice.Setting == "immediate").Select(choice => choice.Kind).ToList(),
                saved?.TimeZone ?? TimeZones.Default),
            kinds.Where(choice => choice.Setting == "muted").Select(choice => choice.Kind).ToList());
    }

    private sealed class Saved
    {
        public required string Digest { get; init; }

        public string? TimeZone { get; init; }
    }

    private sealed class Choice
    {
        public required string Setting { get; init; }

        public required string Kind { get; init; }
    }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record EmailPreferences(string? Digest, IReadOnlyList<string>? Immediate, string? TimeZone = null);
