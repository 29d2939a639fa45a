using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>What a post must be, whether it is published or edited.</summary>
internal static class PostRules
{
    public const string Question = "question";
    public static readonly string[] Types = ["article", Question, "event", "resource"];

    /// <summary>Characters of Markdown; the 512 KiB request limit (413) stops far larger bodies before they are read.</summary>
    public const int MaxBodyLength = 50_000;

    /// <summary>The fields a post is published or edited with; an edit cannot change <c>type</c>.</summary>
    internal sealed record Content(
        string? Type,
        string? Title,
        string? Body,
        IReadOnlyList<string?>? Tags,
        DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt,
        string? Location,
        string? Url);

    public static Validation Validate(Content content, string? type, out IReadOnlyList<string> tags)
    {
        var validation = new Validation()
            .RequireOneOf(type, "type", Types)
            .RequireText(content.Title, "title", 200)
            .RequireText(content.Body, "body", MaxBodyLength)
            .OptionalText(content.Location, "location", 200);
        tags = TagList.Normalize(content.Tags, validation);

        if (type == "event")
        {
            validation.Require(content.StartsAt is not null, "startsAt", "An event needs 'startsAt'.");
        }

        validation.Require(
            content.EndsAt is null || content.StartsAt is null || content.EndsAt >= content.StartsAt,
            "endsAt",
            "'endsAt' must not be before 'startsAt'.");

        if (type == "resource")
        {
            validation.Require(!string.IsNullOrWhiteSpace(content.Url), "url", "A resource needs a 'url'.");
        }

        if (!string.IsNullOrWhiteSpace(content.Url))
        {
            validation.Require(IsWebAddress(content.Url.Trim()), "url", "'url' must be an absolute http or https address of at most 2000 characters.");
        }

        return validation;
    }

    /// <summary>The stored values of the content's fields, besides tags.</summary>
    public static object Columns(Content content, string bodyHtml) => new
    {
        Title = content.Title!.Trim(),
        content.Body,
        BodyHtml = bodyHtml,
        StartsAt = content.StartsAt?.ToUniversalTime(),
        EndsAt = content.EndsAt?.ToUniversalTime(),
        Location = content.Location?.Trim(),
        Url = content.Url?.Trim(),
    };

    private static bool IsWebAddress(string url) =>
        url.Length <= 2000
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
