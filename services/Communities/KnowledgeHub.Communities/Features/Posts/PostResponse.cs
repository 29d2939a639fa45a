using System.Text.Json.Serialization;
using KnowledgeHub.Communities.Features.Answers;

namespace KnowledgeHub.Communities.Features.Posts;

/// <param name="Body">The Markdown as its author wrote it.</param>
/// <param name="BodyHtml">The Markdown rendered to HTML that is safe to show as it is.</param>
/// <param name="AuthorDepartment">The author's department when the post was published.</param>
internal sealed record PostResponse(
    Guid Id,
    Guid CommunityId,
    string Type,
    string Title,
    string Body,
    string BodyHtml,
    IReadOnlyList<string> Tags,
    Guid AuthorId,
    string? AuthorName,
    string? AuthorDepartment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int AnswerCount,
    Guid? AcceptedAnswerId,
    int Reactions,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Location,
    string? Url,
    long Version)
{
    /// <summary>Only questions carry answers, and only when one post is read.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnswerResponse>? Answers { get; init; }

    /// <summary>People the Expertise service suggests could answer; only on a question read on its own.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SuggestedExpert>? SuggestedExperts { get; init; }

    /// <summary>Characters of Markdown a list page shows of each post (ADR 0039).</summary>
    public const int ExcerptLength = 1_000;

    /// <summary>True on a list page when <see cref="Body"/> is only the start of the post (ADR 0039).</summary>
    public bool BodyTruncated { get; init; }

    [JsonIgnore]
    public bool IsQuestion => Type == PostRules.Question;

    /// <summary>
    /// The post as a list page shows it: at most <see cref="ExcerptLength"/> characters of its body, rendered
    /// again from that excerpt (a list of 100 whole posts was 12.8 MB). The whole post is at <c>GET /api/posts/{id}</c>.
    /// </summary>
    public static PostResponse Excerpt(PostResponse post) =>
        post.Body.Length <= ExcerptLength
            ? post
            : post with { Body = post.Body[..ExcerptLength], BodyHtml = SafeMarkdown.ToHtml(post.Body[..ExcerptLength]), BodyTruncated = true };
}
