using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Answers;

/// <param name="Body">The Markdown as its author wrote it.</param>
/// <param name="BodyHtml">The Markdown rendered to HTML that is safe to show as it is.</param>
internal sealed record AnswerResponse(
    Guid Id, Guid PostId, string Body, string BodyHtml, Guid AuthorId, string? AuthorName, DateTimeOffset CreatedAt, bool Accepted);

internal static class AnswerReader
{
    /// <summary>A question's answers: the accepted one first, then the oldest first.</summary>
    public static async Task<IReadOnlyList<AnswerResponse>> ReadForQuestionAsync(
        DbSession session, Guid postId, Guid? acceptedAnswerId)
    {
        var rows = await session.QueryAsync<AnswerRow>(
            """
            SELECT a.id AS Id, a.post_id AS PostId, a.body AS Body, a.body_html AS BodyHtml,
                   a.author_id AS AuthorId, p.display_name AS AuthorName, a.created_at AS CreatedAt
            FROM answers a LEFT JOIN people p ON p.id = a.author_id
            WHERE a.post_id = @PostId
            ORDER BY a.created_at, a.id
            """,
            new { PostId = postId });
        return rows
            .Select(row => row.ToResponse(row.Id == acceptedAnswerId))
            .OrderByDescending(answer => answer.Accepted)
            .ToList();
    }

    internal sealed class AnswerRow
    {
        public Guid Id { get; init; }

        public Guid PostId { get; init; }

        public required string Body { get; init; }

        public required string BodyHtml { get; init; }

        public Guid AuthorId { get; init; }

        public string? AuthorName { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public AnswerResponse ToResponse(bool accepted) => new(Id, PostId, Body, BodyHtml, AuthorId, AuthorName, CreatedAt, accepted);
    }
}
