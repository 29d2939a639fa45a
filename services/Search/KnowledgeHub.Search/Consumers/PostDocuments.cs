using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Consumers;

/// <summary>
/// A post as both PostPublished and PostUpdated carry it: the full state, with its community's
/// visibility, so a closed community's posts are restricted to that community's members.
/// </summary>
internal static class PostDocuments
{
    public static SearchDocument From(
        string eventName,
        Guid postId,
        Guid communityId,
        string communityVisibility,
        string title,
        string? body,
        IReadOnlyList<string>? tags,
        string? authorDepartment,
        long version,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        EventChecks.RequireIdentity(postId, version, title, eventName);
        EventChecks.Require(communityId != Guid.Empty, eventName, "it names no community");
        EventChecks.Require(communityVisibility is "open" or "closed", eventName, "its community's visibility is unknown");
        return new SearchDocument(
            DocumentTypes.Post,
            postId,
            title,
            body ?? "",
            EventChecks.Tags(tags),
            EventChecks.Departments(authorDepartment),
            communityVisibility == "closed" ? communityId : null,
            $"/posts/{postId}",
            version,
            createdAt,
            updatedAt);
    }
}
