using System.Globalization;
using System.Text;
using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Communities;

/// <summary>Readable, unique URL names for communities: "Cloud Platform" becomes <c>cloud-platform</c>.</summary>
internal static class Slugs
{
    private const int MaxLength = 60;

    public static async Task<string> UniqueAsync(UnitOfWork work, string name)
    {
        var baseSlug = From(name);
        var taken = (await work.QueryAsync<string>(
            // Slugs hold only a-z, 0-9 and '-', none of which LIKE treats specially.
            "SELECT slug FROM communities WHERE slug = @Slug OR slug LIKE @Prefix",
            new { Slug = baseSlug, Prefix = baseSlug + "-%" })).ToHashSet(StringComparer.Ordinal);

        var candidate = baseSlug;
        for (var suffix = 2; taken.Contains(candidate); suffix++)
        {
            candidate = $"{baseSlug}-{suffix}";
        }

        return candidate;
    }

    public static string From(string name)
    {
        var slug = new StringBuilder();
        foreach (var character in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                slug.Append(character);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark
                     && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        text = text.Length > MaxLength ? text[..MaxLength].TrimEnd('-') : text;
        // A slug must never be mistaken for an id when a community is looked up by either.
        return text.Length == 0 || Guid.TryParse(text, out _) ? $"community-{text}".TrimEnd('-') : text;
    }
}
