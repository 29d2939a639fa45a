namespace KnowledgeHub.Web.Api;

public sealed record NotificationActor(Guid Id, string? DisplayName);

public sealed record Notification(Guid Id, string Kind, string Title, string Url, NotificationActor? Actor, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record UnreadCount(long Count);

public sealed record EmailPreferences(string Digest, IReadOnlyList<string> Immediate, string TimeZone);

public sealed record NotificationPreferences(EmailPreferences Email, IReadOnlyList<string> Muted);

public sealed record Follow(string Kind, string Id, string Label);

public sealed record FollowList(IReadOnlyList<Follow> Items);
