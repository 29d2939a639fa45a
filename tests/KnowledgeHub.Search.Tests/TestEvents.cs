using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;

namespace KnowledgeHub.Search.Tests;

/// <summary>Events as the other services publish them, with defaults for what a test does not care about.</summary>
internal static class TestEvents
{
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public static PersonProfileChanged Person(Guid id, string name, string[]? skills = null, string department = "IT", string? bio = null, long version = 1) =>
        new(id, $"{id:N}@example.com", name, department, "Engineer", null, bio, skills ?? [], version, Now);

    public static CommunityChanged Community(Guid id, string name, string visibility = "open", long version = 1) =>
        new(id, $"c-{id:N}", name, "A community of practice", ["practice"], visibility, version, Now, Now);

    public static PostPublished Published(Guid id, Guid community, string title, string body = "Body text", string visibility = "open", string[]? tags = null, long version = 1) =>
        new(id, community, visibility, "article", title, body, tags ?? [], Guid.NewGuid(), "IT", version, Now, Now);

    public static PostUpdated Updated(Guid id, Guid community, string title, string body = "Body text", string visibility = "open", string[]? tags = null, long version = 2) =>
        new(id, community, visibility, "article", title, body, tags ?? [], Guid.NewGuid(), "IT", version, Now, Now);

    public static ProjectChanged Project(Guid id, string name, string sponsor = "IT", string[]? partners = null, string[]? tags = null, long version = 1) =>
        new(id, name, "An IT project", sponsor, partners ?? [], tags ?? [], "active", Guid.NewGuid(), version, Now, Now);

    public static ObjectiveChanged Objective(Guid id, string title, string department = "FIN", long version = 1) =>
        new(id, title, "Make it measurable", department, "2026-H2", 2, version, Now, Now);

    public static CommunityMembershipChanged Membership(Guid community, Guid person, string status = "active", long version = 1) =>
        new(community, person, "member", status, version, Now);
}
