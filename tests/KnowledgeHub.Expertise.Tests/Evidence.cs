using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Contracts.Communities;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>Events of other services, as they would publish them, with sensible defaults.</summary>
public static class Evidence
{
    /// <summary>A tag (and so a skill) no other test uses.</summary>
    public static string UniqueTag(string prefix = "skill") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static PostPublished Post(Guid author, string type, string title, IReadOnlyList<string> tags, string visibility = "open", DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        return new PostPublished(Guid.NewGuid(), Guid.NewGuid(), visibility, type, title, "", tags, author, null, 1, when, when);
    }

    public static PostUpdated Edited(PostPublished post, string? title = null, IReadOnlyList<string>? tags = null, long? version = null, string? visibility = null) =>
        new(post.PostId, post.CommunityId, visibility ?? post.CommunityVisibility, post.Type, title ?? post.Title, post.Body, tags ?? post.Tags, post.AuthorId,
            post.AuthorDepartment, version ?? post.Version + 1, post.CreatedAt, DateTimeOffset.UtcNow);

    public static PostRemoved Removed(PostPublished post) => new(post.PostId, post.CommunityId, post.AuthorId, post.Version + 1, DateTimeOffset.UtcNow);

    public static AnswerPosted Answer(Guid author, Guid asker, string title, IReadOnlyList<string> tags, DateTimeOffset? at = null, Guid? postId = null, string visibility = "open") =>
        new(Guid.NewGuid(), postId ?? Guid.NewGuid(), Guid.NewGuid(), visibility, author, null, asker, title, tags, "An answer", at ?? DateTimeOffset.UtcNow);

    public static AnswerAccepted Accepted(AnswerPosted answer, DateTimeOffset? at = null, Guid? previous = null) =>
        new(answer.AnswerId, answer.PostId, answer.CommunityId, answer.AuthorId, answer.QuestionTitle, answer.QuestionTags, answer.QuestionAuthorId, previous, at ?? DateTimeOffset.UtcNow);

    public static ProjectMemberAssigned Member(Guid projectId, Guid person, string name, IReadOnlyList<string> tags, DateTimeOffset? at = null, string role = "Engineer") =>
        new(projectId, name, tags, person, role, at ?? DateTimeOffset.UtcNow);

    public static ProjectChanged Project(Guid projectId, string name, IReadOnlyList<string> tags, long version, string sponsor = "IT", string status = "active", params string[] partners) =>
        new(projectId, name, "A project", sponsor, partners, tags, status, Guid.NewGuid(), version, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
