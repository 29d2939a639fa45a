using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications.Features.Inbox;

internal sealed record ActorResponse(Guid Id, string? DisplayName);

internal sealed record NotificationResponse(Guid Id, string Kind, string Title, string Url, ActorResponse? Actor, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>Reads a recipient's notifications with their actors' names; one query for the list and the stream.</summary>
internal static class NotificationReader
{
    /// <param name="filter">Continues the WHERE clause on <c>n</c> after the recipient (binds <c>@Me</c>), with ORDER BY and LIMIT.</param>
    public static async Task<IReadOnlyList<NotificationResponse>> ReadAsync(DbSession session, string filter, object parameters)
    {
        var rows = await session.QueryAsync<Row>(
            $"""
            SELECT n.id AS Id, n.kind AS Kind, n.title AS Title, n.url AS Url, n.actor_id AS ActorId, p.display_name AS ActorName,
                   n.created_at AS CreatedAt, n.read_at AS ReadAt
            FROM notifications n LEFT JOIN people p ON p.id = n.actor_id
            WHERE n.recipient_id = @Me {filter}
            """,
            parameters);
        return rows.Select(row => new NotificationResponse(
            row.Id, row.Kind, row.Title, row.Url, row.ActorId is { } actor ? new ActorResponse(actor, row.ActorName) : null, row.CreatedAt, row.ReadAt)).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }

        public required string Kind { get; init; }

        public required string Title { get; init; }

        public required string Url { get; init; }

        public Guid? ActorId { get; init; }

        public string? ActorName { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? ReadAt { get; init; }
    }
}
