using Dapper;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Partnerships.Tests;

/// <summary>The events the other services publish, as the tests send them, and a way to wait until they are applied.</summary>
internal static class Events
{
    public static DateTimeOffset At(string date) => DateTimeOffset.Parse(date + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public static PersonProfileChanged Profile(TestUser person, string department, long version, string since, params string[] skills) =>
        new(person.Id, person.Email, person.DisplayName, department, null, null, null, skills, version, At(since));

    public static CommunityChanged Community(Guid id, string name, string visibility) =>
        new(id, name.ToLowerInvariant().Replace(' ', '-'), name, $"{name}: what we share", [], visibility, 1, At("2025-11-01"), At("2025-11-01"));

    public static CommunityMembershipChanged Member(Guid community, TestUser person) =>
        new(community, person.Id, "member", "active", 1, At("2025-11-02"));

    public static AnswerPosted Answer(Guid answerId, Guid postId, Guid community, string visibility, TestUser author, TestUser asker, string title, string date) =>
        new(answerId, postId, community, visibility, author.Id, null, asker.Id, title, [], "An answer", At(date));

    public static AnswerAccepted Accepted(Guid answerId, Guid postId, Guid community, TestUser author, TestUser asker, string title, string date) =>
        new(answerId, postId, community, author.Id, title, [], asker.Id, null, At(date));

    public static ProjectChanged Project(Guid id, string name, string sponsor, string[] partners, IReadOnlyList<Guid>? objectives, long version = 1) =>
        new(id, name, $"{name}: the plan", sponsor, partners, [], "active", Guid.NewGuid(), version, At("2025-12-01"), At("2025-12-01"), ObjectiveIds: objectives);

    public static ProjectMemberAssigned OnProject(Guid project, string name, TestUser person, string date) =>
        new(project, name, [], person.Id, "contributor", At(date));

    public static ObjectiveChanged Objective(Guid id, string title, string department, string[]? ownerDepartments = null, Guid[]? owners = null) =>
        new(id, title, $"{title}: why", department, "2026-H1", 2, 1, At("2025-12-01"), At("2025-12-01"), Owners: owners, OwnerDepartments: ownerDepartments);

    /// <summary>Publishes the events and waits until the module has applied every one of them.</summary>
    public static async Task PublishAndWaitAsync(this ModuleTestHost host, params object[] events)
    {
        var database = host.Get<PartnershipsDatabase>();
        var before = await InboxCountAsync(database);
        foreach (var message in events)
        {
            await host.PublishAsync((dynamic)message);
        }

        await Eventually.AssertAsync(
            async () => await InboxCountAsync(database) >= before + events.Length, TimeSpan.FromSeconds(20), $"{events.Length} events to be applied");
    }

    private static async Task<long> InboxCountAsync(PartnershipsDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_messages");
    }
}
