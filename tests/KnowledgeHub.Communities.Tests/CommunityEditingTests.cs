using System.Net;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

public abstract class CommunityEditingTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");
    private readonly TestUser _member = TestUser.Employee("member", "FIN");

    [Fact]
    public async Task A_lead_edits_the_community_and_its_slug_stays()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var name = $"Renamed {Guid.NewGuid():N}";

        using var response = await lead.SendJsonAsync(
            HttpMethod.Put, $"/api/communities/{community.Id()}", new { name, description = "New words", tags = new[] { "finops" }, visibility = "open" }, "\"1\"");

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var read = await lead.GetJsonAsync($"/api/communities/{community["slug"]}");
        Assert.Equal((name, "New words", "finops"), (read["name"]!.GetValue<string>(), read["description"]!.GetValue<string>(), read["tags"]![0]!.GetValue<string>()));
        var changed = await fixture.Host.Events.WaitForAsync<CommunityChanged>(evt => evt.CommunityId.ToString() == community.Id() && evt.Version == 2, "the edit");
        Assert.Equal(name, changed.Name);
    }

    [Fact]
    public async Task An_edit_against_a_stale_version_is_refused_and_changes_nothing()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var url = $"/api/communities/{community.Id()}";
        using var first = await lead.SendJsonAsync(HttpMethod.Put, url, new { name = $"First {Guid.NewGuid():N}", description = "", tags = Array.Empty<string>(), visibility = "open" }, "\"1\"");
        await first.EnsureStatusAsync(HttpStatusCode.OK);

        using var stale = await lead.SendJsonAsync(HttpMethod.Put, url, new { name = $"Second {Guid.NewGuid():N}", description = "", tags = Array.Empty<string>(), visibility = "open" }, "\"1\"");

        await stale.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        Assert.StartsWith("First", (await lead.GetJsonAsync(url))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Renaming_to_another_communitys_name_conflicts()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var taken = await lead.CreateCommunityAsync();
        var community = await lead.CreateCommunityAsync();

        using var response = await lead.SendJsonAsync(
            HttpMethod.Put, $"/api/communities/{community.Id()}", new { name = taken["name"]!.GetValue<string>().ToUpperInvariant(), description = "", tags = Array.Empty<string>(), visibility = "open" });

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Closing_a_community_republishes_its_posts_as_restricted()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var posts = new[] { await lead.PublishAsync(community.Id(), CommunityApi.Article()), await lead.PublishAsync(community.Id(), CommunityApi.Question()) };

        using var response = await lead.SendJsonAsync(
            HttpMethod.Put, $"/api/communities/{community.Id()}", new { name = community["name"]!.GetValue<string>(), description = "", tags = Array.Empty<string>(), visibility = "closed" });

        await response.EnsureStatusAsync(HttpStatusCode.OK);
        foreach (var post in posts)
        {
            var updated = await fixture.Host.Events.WaitForAsync<PostUpdated>(evt => evt.PostId.ToString() == post.Id(), "the post republished");
            Assert.Equal(("closed", 2L), (updated.CommunityVisibility, updated.Version));
        }

        using var hidden = await fixture.Host.CreateClient(_member).GetAsync($"/api/posts/{posts[0].Id()}");
        await hidden.EnsureStatusAsync(HttpStatusCode.NotFound);
    }
}

public sealed class Community_editing_on_Sqlite(SqliteCommunities fixture) : CommunityEditingTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Community_editing_on_Postgres(PostgresCommunities fixture) : CommunityEditingTests(fixture), IClassFixture<PostgresCommunities>;
