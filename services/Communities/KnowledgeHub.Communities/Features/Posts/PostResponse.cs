using System.Text.Json.Serialization;

namespace KnowledgeHub.Communities.Features.Posts;

internal sealed record AnswerResponse(Guid Id, Guid PostId, string Body, Guid AuthorId, DateTimeOffset CreatedAt, bool Accepted);

internal sealed record PostResponse(
    Guid Id,
    Guid CommunityId,
    string Type,
    string Title,
    string Body,
    IReadOnlyList<string> Tags,
    Guid AuthorId,
    string? AuthorName,
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
}
