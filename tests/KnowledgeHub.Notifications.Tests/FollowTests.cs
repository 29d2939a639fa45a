using System.Net;
using Dapper;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Notifications.Features.Delivery;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>Follows and the activity they bring: once per post for everyone who follows it some way, never to the author, never past a closed door.</summary>
public abstract class FollowTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task A_post_reaches_followers_of_its_community_author_or_tags_once_each_and_never_its_author()
    {
        var author = TestUser.Employee("author");
        var byCommunity = TestUser.Employee("bycommunity");
        var byEverything = TestUser.Employee("byeverything");
        var unrelated = TestUser.Employee("unrelated");
        await fixture.KnowPeopleAsync(author, byCommunity, byEverything, unrelated);
        var community = await fixture.KnowCommunityAsync("open", author);
        var tag = "tag" + Guid.NewGuid().ToString("N")[..8];
        await PublishPostAsync(community, author, "Warm-up", [tag]);
        await fixture.Host.CreateClient(byCommunity).FollowAsync("community", community.ToString());
        var everything = fixture.Host.CreateClient(byEverything);
        await everything.FollowAsync("community", community.ToString());
        await everything.FollowAsync("person", author.Id.ToString());
        await everything.FollowAsync("tag", tag.ToUpperInvariant());
        await fixture.Host.CreateClient(author).FollowAsync("community", community.ToString());

        var post = await PublishPostAsync(community, author, "Our cluster runbook", [tag]);

        var told = Assert.Single(await everything.WaitForAsync("followed-activity"));
        Assert.Equal(("New article: Our cluster runbook", $"/posts/{post}"), (told.Text("title"), told.Text("url")));
        await fixture.Host.CreateClient(byCommunity).WaitForAsync("followed-activity");
        await fixture.UntilAsync("SELECT count(*) FROM fanout_jobs", new { }, 0, "the fan-out to finish");
        Assert.Empty(await fixture.Host.CreateClient(author).OfKindAsync("followed-activity"));
        Assert.Empty(await fixture.Host.CreateClient(unrelated).OfKindAsync("followed-activity"));
        var follows = await everything.GetJsonAsync("/api/follows");
        Assert.Equal(
            [("community", community.ToString()), ("person", author.Id.ToString()), ("tag", tag)],
            follows["items"]!.AsArray().Select(item => (item!.Text("kind"), item!.Text("id"))).OrderBy(pair => pair.Item1));
        Assert.Contains(follows["items"]!.AsArray(), item => item!.Text("label") == author.DisplayName);
    }

    [Fact]
    public async Task A_closed_community_post_reaches_followers_who_are_active_members_only()
    {
        var author = TestUser.Employee("author");
        var member = TestUser.Employee("member");
        var outsider = TestUser.Employee("outsider");
        await fixture.KnowPeopleAsync(author, member, outsider);
        var community = await fixture.KnowCommunityAsync("closed", author, member);
        var tag = "tag" + Guid.NewGuid().ToString("N")[..8];
        await PublishPostAsync(community, author, "Warm-up", [tag], "closed");
        foreach (var person in new[] { member, outsider })
        {
            await fixture.Host.CreateClient(person).FollowAsync("tag", tag);
            await fixture.Host.CreateClient(person).FollowAsync("person", author.Id.ToString());
        }

        await PublishPostAsync(community, author, "Inside news", [tag], "closed");

        await fixture.Host.CreateClient(member).WaitForAsync("followed-activity");
        await fixture.UntilAsync("SELECT count(*) FROM fanout_jobs", new { }, 0, "the fan-out to finish");
        Assert.Empty(await fixture.Host.CreateClient(outsider).OfKindAsync("followed-activity"));
        using var followClosed = await fixture.Host.CreateClient(outsider).PutAsync($"/api/follows/community/{community}", null);
        await followClosed.EnsureStatusAsync(HttpStatusCode.NotFound);
        await fixture.Host.CreateClient(member).FollowAsync("community", community.ToString());
    }

    [Fact]
    public async Task Thousands_of_followers_are_told_in_batches()
    {
        var author = TestUser.Employee("author");
        await fixture.KnowPeopleAsync(author);
        var community = await fixture.KnowCommunityAsync("open", author);
        var followers = Enumerable.Range(0, (FanOut.BatchSize * 2) + 17).Select(_ => TestUser.Employee("follower")).ToList();
        await using (var connection = await fixture.Host.Get<NotificationsDatabase>().OpenAsync())
        {
            // Seeded directly: a thousand PUTs would say nothing more about the fan-out than one.
            await connection.ExecuteAsync(
                "INSERT INTO follows (person_id, target_key, kind, target_id, created_at) VALUES (@Person, @Key, 'community', @Target, @Now)",
                followers.Select(person => new { Person = person.Id, Key = $"community:{community}", Target = community.ToString(), Now = DateTimeOffset.UtcNow }));
        }

        var post = await PublishPostAsync(community, author, "Everyone should read this", ["kubernetes"]);

        await fixture.UntilAsync("SELECT count(*) FROM notifications WHERE url = @Url", new { Url = $"/posts/{post}" }, followers.Count, "every follower to be told");
        await fixture.UntilAsync("SELECT count(*) FROM fanout_jobs", new { }, 0, "the job to be done");
        foreach (var follower in new[] { followers[0], followers[FanOut.BatchSize], followers[^1] })
        {
            Assert.Single(await fixture.Host.CreateClient(follower).OfKindAsync("followed-activity"));
        }
    }

    [Fact]
    public async Task Followers_of_a_project_hear_of_its_status_reports_and_of_an_objective_of_its_edits()
    {
        var lead = TestUser.Employee("lead");
        var follower = TestUser.Employee("follower");
        await fixture.KnowPeopleAsync(lead, follower);
        var project = Guid.NewGuid();
        var objective = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await fixture.Host.PublishAsync(new ProjectChanged(project, "Cluster upgrade", "", "IT", [], ["kubernetes"], "active", lead.Id, 1, now, now));
        await fixture.Host.PublishAsync(Objective(objective, "Cloud first", 1));
        await fixture.UntilAsync("SELECT count(*) FROM objectives WHERE id = @Id", new { Id = objective }, 1, "the objective");
        await fixture.UntilAsync("SELECT count(*) FROM projects WHERE id = @Id", new { Id = project }, 1, "the project");
        var client = fixture.Host.CreateClient(follower);
        await client.FollowAsync("project", project.ToString());
        await client.FollowAsync("objective", objective.ToString());

        await fixture.Host.PublishAsync(new ProjectStatusReported(project, Guid.NewGuid(), "amber", "Slipping", lead.Id, now));
        await fixture.Host.PublishAsync(Objective(objective, "Cloud first, renamed", 2));

        var told = await client.WaitForAsync("followed-activity", 2);
        Assert.Equal(
            ["Cluster upgrade reported its status: amber", "The objective \"Cloud first, renamed\" was updated"],
            told.Select(item => item.Text("title")).Order());
        Assert.Equal(["Cloud first, renamed", "Cluster upgrade"], (await client.GetJsonAsync("/api/follows"))["items"]!.AsArray().Select(item => item!.Text("label")).Order());
    }

    [Fact]
    public async Task Following_what_does_not_exist_or_an_unknown_kind_is_refused_and_unfollowing_is_idempotent()
    {
        var person = TestUser.Employee("person");
        await fixture.KnowPeopleAsync(person);
        var client = fixture.Host.CreateClient(person);

        using var unknownKind = await client.PutAsync($"/api/follows/planet/{Guid.NewGuid()}", null);
        using var noCommunity = await client.PutAsync($"/api/follows/community/{Guid.NewGuid()}", null);
        using var notAnId = await client.PutAsync("/api/follows/project/not-an-id", null);
        using var noTag = await client.PutAsync("/api/follows/tag/never-used-anywhere", null);
        using var noPerson = await client.PutAsync($"/api/follows/person/{Guid.NewGuid()}", null);
        using var unfollow = await client.DeleteAsync($"/api/follows/person/{Guid.NewGuid()}");

        await unknownKind.AssertRefusedAsync("kind");
        await noCommunity.EnsureStatusAsync(HttpStatusCode.NotFound);
        await notAnId.EnsureStatusAsync(HttpStatusCode.NotFound);
        await noTag.EnsureStatusAsync(HttpStatusCode.NotFound);
        await noPerson.EnsureStatusAsync(HttpStatusCode.NotFound);
        await unfollow.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty((await client.GetJsonAsync("/api/follows"))["items"]!.AsArray());
    }

    private async Task<Guid> PublishPostAsync(Guid community, TestUser author, string title, string[] tags, string visibility = "open")
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await fixture.Host.PublishAsync(new PostPublished(id, community, visibility, "article", title, "Body", tags, author.Id, author.Department, 1, now, now));
        await fixture.UntilAsync("SELECT count(*) FROM posts WHERE id = @Id", new { Id = id }, 1, "the post");
        return id;
    }

    private static ObjectiveChanged Objective(Guid id, string title, long version) =>
        new(id, title, "", "IT", "2026-H2", 2, version, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}

public sealed class Follows_on_Sqlite(SqliteNotifications fixture) : FollowTests(fixture), IClassFixture<SqliteNotifications>;

public sealed class Follows_on_Postgres(PostgresNotifications fixture) : FollowTests(fixture), IClassFixture<PostgresNotifications>;
