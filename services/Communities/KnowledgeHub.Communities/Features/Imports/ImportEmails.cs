using System.Globalization;

namespace KnowledgeHub.Communities.Features.Imports;

/// <summary>The e-mail an imported author is known by: the template with the dump's user id in place of <c>{id}</c>.</summary>
internal static class ImportEmails
{
    public const string Placeholder = "{id}";
    public const string DefaultTemplate = "se-{id}@import.invalid";
    public const int MaxLength = 200;

    /// <summary>Why the template cannot make e-mail addresses, or null when it can.</summary>
    public static string? Problem(string template)
    {
        if (!template.Contains(Placeholder, StringComparison.Ordinal))
        {
            return $"'emailTemplate' must contain {Placeholder}, where the dump's user id goes (for example {DefaultTemplate}).";
        }

        var sample = Of(template, 1);
        var at = sample.IndexOf('@', StringComparison.Ordinal);
        return template.Length > MaxLength || at <= 0 || at != sample.LastIndexOf('@') || at == sample.Length - 1 || sample.Any(char.IsWhiteSpace)
            ? $"'emailTemplate' must make an e-mail address of at most {MaxLength} characters, like {DefaultTemplate}."
            : null;
    }

    public static string Of(string template, long userId) =>
        template.Replace(Placeholder, userId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).ToLowerInvariant();
}
