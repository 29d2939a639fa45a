using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

public abstract class CommunitySlicesTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");
    private readonly TestUser _member = TestUser.Employee("member", "FIN");

    [Fact]
    public async Task Creating_a_community_makes_the_creator_its_first_lead()
    {
        var community = await fixture.Host.CreateClient(_lead).CreateCommunityAsync(name: $"Cloud Platform {Guid.NewGuid():N}");

        Assert.StartsWith("cloud-platform-", community["slug"]!.GetValue<string>());
        Assert.Equal(["cloud", "kubernetes"], community["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        Assert.Equal(_lead.Id.ToString(), community["leads"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, community["memberCount"]!.GetValue<int>());
        var changed = await fixture.Host.Events.WaitForAsync<CommunityChanged>(
            evt => evt.CommunityId.ToString() == community["id"]!.GetValue<string>(), "CommunityChanged");
        Assert.Equal("open", changed.Visibility);
    }

    [Fact]
    public async Task A_community_is_found_by_id_and_by_slug()
    {
        var client = fixture.Host.CreateClient(_lead);
        var community = await client.CreateCommunityAsync();

        var byId = await client.GetJsonAsync($"/api/communities/{community["id"]}");
        var bySlug = await client.GetJsonAsync($"/api/communities/{community["slug"]}");

        Assert.Equal(community["id"]!.GetValue<string>(), byId["id"]!.GetValue<string>());
        Assert.Equal(community["id"]!.GetValue<string>(), bySlug["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_communities_cannot_share_a_name_whatever_its_case()
    {
        var client = fixture.Host.CreateClient(_lead);
        var name = $"Data Guild {Guid.NewGuid():N}";
        await client.CreateCommunityAsync(name: name);

        using var response = await client.PostAsJsonAsync("/api/communities", new { name = name.ToUpperInvariant(), description = "", tags = Array.Empty<string>(), visibility = "open" });

        await response.EnsureStatusAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Joining_an_open_community_makes_a_member_who_can_post()
    {
        var community = await fixture.Host.CreateClient(_lead).CreateCommunityAsync();
        var member = fixture.Host.CreateClient(_member);

        var joined = await member.PostJsonAsync($"/api/communities/{community["id"]}/members", new { }, HttpStatusCode.OK);
        var post = await member.PublishAsync(community["id"]!.GetValue<string>(), CommunityApi.Article());

        Assert.Equal("member", joined["status"]!.GetValue<string>());
        Assert.Equal(_member.Id.ToString(), post["authorId"]!.GetValue<string>());
        var published = await fixture.Host.Events.WaitForAsync<PostPublished>(evt => evt.PostId.ToString() == post["id"]!.GetValue<string>(), "PostPublished");
        Assert.Equal("open", published.CommunityVisibility);
    }

    [Fact]
    public async Task Joining_a_closed_community_waits_for_a_lead()
    {
        var community = await fixture.Host.CreateClient(_lead).CreateCommunityAsync("closed");
        var applicant = fixture.Host.CreateClient(_member);

        var joined = await applicant.PostJsonAsync($"/api/communities/{community["id"]}/members", new { }, HttpStatusCode.OK);
        using var post = await applicant.PostAsJsonAsync($"/api/communities/{community["id"]}/posts", CommunityApi.Article());

        Assert.Equal("pending", joined["status"]!.GetValue<string>());
        await post.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Posting_without_being_a_member_is_forbidden_and_writes_nothing()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        using var response = await fixture.Host.CreateClient(_member).PostAsJsonAsync($"/api/communities/{community["id"]}/posts", CommunityApi.Article());

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var posts = await lead.GetJsonAsync($"/api/communities/{community["id"]}/posts");
        Assert.Empty(posts["items"]!.AsArray());
    }

    [Fact]
    public async Task A_closed_communitys_posts_are_invisible_to_non_members()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync("closed");
        var post = await lead.PublishAsync(community["id"]!.GetValue<string>(), CommunityApi.Article());
        var outsider = fixture.Host.CreateClient(_member);

        using var single = await outsider.GetAsync($"/api/posts/{post["id"]}");
        using var list = await outsider.GetAsync($"/api/communities/{community["id"]}/posts");

        await single.EnsureStatusAsync(HttpStatusCode.NotFound);
        await list.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal(post["id"]!.GetValue<string>(), (await lead.GetJsonAsync($"/api/posts/{post["id"]}"))["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"event","title":"Meetup","body":"Come","tags":[]}""", "startsAt")]
    [InlineData("""{"type":"resource","title":"Docs","body":"Read","tags":[],"url":"ftp://example.com"}""", "url")]
    [InlineData("""{"type":"article","title":"","body":"Text","tags":[]}""", "title")]
    [InlineData("""{"type":"poem","title":"T","body":"Text","tags":[]}""", "type")]
    [InlineData("""{"type":"article","title":"T","body":"Text","tags":[""]}""", "tags")]
    [InlineData("""{"type":"article","title":"T","body":"Text","tags":[],"startsAt":"not a date"}""", "startsAt")]
    public async Task A_bad_post_is_refused_naming_the_field(string body, string field)
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        using var response = await lead.SendRawAsync(HttpMethod.Post, $"/api/communities/{community["id"]}/posts", body);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty((await lead.GetJsonAsync($"/api/communities/{community["id"]}/posts"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Posts_page_newest_first_with_a_cursor()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var id = community["id"]!.GetValue<string>();
        var titles = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            titles.Add((await lead.PublishAsync(id, CommunityApi.Article($"Post {index}")))["title"]!.GetValue<string>());
        }

        var first = await lead.GetJsonAsync($"/api/communities/{id}/posts?limit=3");
        var second = await lead.GetJsonAsync($"/api/communities/{id}/posts?limit=3&cursor={first["nextCursor"]}");

        var seen = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(post => post!["title"]!.GetValue<string>());
        Assert.Equal(Enumerable.Reverse(titles), seen);
        Assert.Null(second["nextCursor"]);
    }

    [Fact]
    public async Task An_event_needs_a_start_and_shows_where_it_happens()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        var created = await lead.PublishAsync(community["id"]!.GetValue<string>(), new
        {
            type = "event",
            title = "Platform day",
            body = "Talks and labs",
            tags = new[] { "kubernetes" },
            startsAt = "2026-12-01T09:00:00Z",
            endsAt = "2026-12-01T17:00:00Z",
            location = "Berlin, room 4",
        });

        var read = await lead.GetJsonAsync($"/api/posts/{created["id"]}");
        Assert.Equal("Berlin, room 4", read["location"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), read["startsAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_profile_event_names_authors_and_a_redelivery_changes_nothing()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var post = await lead.PublishAsync(community["id"]!.GetValue<string>(), CommunityApi.Article());
        var renamed = new KnowledgeHub.Contracts.Expertise.PersonProfileChanged(
            _lead.Id, _lead.Email, "Renamed Lead", "IT", null, null, null, [], 5, DateTimeOffset.UtcNow);
        var messageId = await fixture.Host.PublishAsync(renamed);

        await Eventually.AssertAsync(
            async () => (await lead.GetJsonAsync($"/api/posts/{post["id"]}"))["authorName"]!.GetValue<string>() == "Renamed Lead",
            TimeSpan.FromSeconds(10),
            "the new display name");
        await fixture.Host.PublishAsync(renamed with { DisplayName = "Replayed" }, messageId);
        var olderId = await fixture.Host.PublishAsync(renamed with { DisplayName = "Stale Name", Version = 4 });
        await Eventually.AssertAsync(() => fixture.Host.InboxHasAsync(olderId), TimeSpan.FromSeconds(10), "the older profile to be consumed");

        Assert.Equal("Renamed Lead", (await lead.GetJsonAsync($"/api/posts/{post["id"]}"))["authorName"]!.GetValue<string>());
    }
}

public sealed class Community_slices_on_Sqlite(SqliteCommunities fixture) : CommunitySlicesTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Community_slices_on_Postgres(PostgresCommunities fixture) : CommunitySlicesTests(fixture), IClassFixture<PostgresCommunities>;
