using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>The field rules a profile obeys, whether its owner edits it or an admin imports it.</summary>
internal static class ProfileRules
{
    public const int MaxNameLength = 100;

    public static Validation CheckProfileText(this Validation validation, string? displayName, string? title, string? location, string? bio, string prefix = "") =>
        validation
            .RequireText(displayName, prefix + "displayName", MaxNameLength)
            .OptionalText(title, prefix + "title", 100)
            .OptionalText(location, prefix + "location", 100)
            .OptionalText(bio, prefix + "bio", 4000);

    /// <summary>The directory sorts and searches by this key of the display name.</summary>
    public static string NameKey(string displayName) => displayName.Trim().ToLowerInvariant();

    /// <summary>Blank optional text is stored as absent.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
