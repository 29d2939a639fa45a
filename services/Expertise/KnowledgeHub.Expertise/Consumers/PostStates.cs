using KnowledgeHub.Expertise.Features.Evidence;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>A post's state as PostPublished and PostUpdated both carry it.</summary>
internal static class PostStates
{
    /// <summary>Checks the fields both post events carry and turns them into the state to store.</summary>
    public static PostState From(
        string eventName,
        Guid postId,
        Guid communityId,
        string? visibility,
        string? type,
        string? title,
        IReadOnlyList<string>? tags,
        Guid authorId,
        long version,
        DateTimeOffset createdAt,
        string? body)
    {
        EventChecks.RequireId(postId, "post id", eventName);
        EventChecks.RequireId(communityId, "community id", eventName);
        EventChecks.RequireId(authorId, "author id", eventName);
        EventChecks.RequireText(type, "type", eventName);
        EventChecks.RequireText(title, "title", eventName);
        EventChecks.RequireVersion(version, eventName);
        return new PostState(
            postId,
            communityId,
            visibility == "open" ? "open" : "closed",
            type!.Trim().ToLowerInvariant(),
            title!.Trim(),
            EventChecks.Tags(tags, eventName),
            authorId,
            version,
            createdAt,
            body ?? "");
    }
}
