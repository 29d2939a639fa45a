using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>Reads posts with their tags and authors' names.</summary>
internal static class PostReader
{
    /// <summary><paramref name="filter"/> continues <c>FROM posts p</c> with WHERE, ORDER BY and LIMIT.</summary>
    public static async Task<IReadOnlyList<PostResponse>> ReadAsync(DbSession session, string filter, object parameters) =>
        ToResponses(await session.QueryAsync<PostRow>(Sql(session.Dialect, filter), parameters));

    private static string Sql(SqlDialect dialect, string filter) =>
        $"""
        SELECT p.id AS Id, p.community_id AS CommunityId, p.type AS Type, p.title AS Title, p.body AS Body, p.body_html AS BodyHtml,
               p.author_id AS AuthorId, a.display_name AS AuthorName, p.author_department AS AuthorDepartment,
               p.created_at AS CreatedAt, p.updated_at AS UpdatedAt,
               p.answer_count AS AnswerCount, p.accepted_answer_id AS AcceptedAnswerId, p.reaction_count AS Reactions,
               p.starts_at AS StartsAt, p.ends_at AS EndsAt, p.location AS Location, p.url AS Url, p.version AS Version,
               (SELECT {dialect.StringAgg("t.tag")} FROM post_tags t WHERE t.post_id = p.id) AS Tags
        FROM posts p LEFT JOIN people a ON a.id = p.author_id
        {filter}
        """;

    private static List<PostResponse> ToResponses(IEnumerable<PostRow> rows) =>
        rows.Select(row => new PostResponse(
            row.Id,
            row.CommunityId,
            row.Type,
            row.Title,
            row.Body,
            // Posts written before bodies were rendered on write are rendered on read.
            row.BodyHtml ?? SafeMarkdown.ToHtml(row.Body),
            TagList.Split(row.Tags),
            row.AuthorId,
            row.AuthorName,
            string.IsNullOrEmpty(row.AuthorDepartment) ? null : row.AuthorDepartment,
            row.CreatedAt,
            row.UpdatedAt,
            row.AnswerCount,
            row.AcceptedAnswerId,
            row.Reactions,
            row.StartsAt,
            row.EndsAt,
            row.Location,
            row.Url,
            row.Version)).ToList();

    public static async Task<PostResponse?> ReadOneAsync(UnitOfWork work, Guid postId)
    {
        var found = await ReadAsync(work, "WHERE p.id = @PostId", new { PostId = postId });
        return found.Count == 0 ? null : found[0];
    }

    private sealed class PostRow
    {
        public Guid Id { get; init; }

        public Guid CommunityId { get; init; }

        public required string Type { get; init; }

        public required string Title { get; init; }

        public required string Body { get; init; }

        public string? BodyHtml { get; init; }

        public Guid AuthorId { get; init; }

        public string? AuthorName { get; init; }

        public string? AuthorDepartment { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public int AnswerCount { get; init; }

        public Guid? AcceptedAnswerId { get; init; }

        public int Reactions { get; init; }

        public DateTimeOffset? StartsAt { get; init; }

        public DateTimeOffset? EndsAt { get; init; }

        public string? Location { get; init; }

        public string? Url { get; init; }

        public long Version { get; init; }

        public string? Tags { get; init; }
    }
}
