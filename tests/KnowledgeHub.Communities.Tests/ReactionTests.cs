using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

public abstract class ReactionTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");

    [Fact]
    public async Task Marking_a_post_helpful_twice_counts_once_and_taking_it_back_uncounts_it()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var post = await lead.PublishAsync(community.Id(), CommunityApi.Article());
        var reader = fixture.Host.CreateClient(TestUser.Employee("reader", "FIN"));
        var url = $"/api/posts/{post.Id()}/reactions";

        var first = await reader.PostJsonAsync(url, new { kind = "helpful" }, HttpStatusCode.OK);
        var again = await reader.PostJsonAsync(url, new { kind = "helpful" }, HttpStatusCode.OK);

        Assert.Equal((1, 1), (first["reactions"]!.GetValue<int>(), again["reactions"]!.GetValue<int>()));
        Assert.Equal(1, (await lead.GetJsonAsync($"/api/posts/{post.Id()}"))["reactions"]!.GetValue<int>());
        using var takenBack = await reader.DeleteAsync(url);
        using var takenBackAgain = await reader.DeleteAsync(url);
        await takenBack.EnsureStatusAsync(HttpStatusCode.NoContent);
        await takenBackAgain.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await lead.GetJsonAsync($"/api/posts/{post.Id()}"))["reactions"]!.GetValue<int>());
    }

    [Fact]
    public async Task Top_orders_posts_by_how_many_found_them_helpful()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var once = await lead.PublishAsync(community.Id(), CommunityApi.Article("Once"));
        var twice = await lead.PublishAsync(community.Id(), CommunityApi.Article("Twice"));
        var never = await lead.PublishAsync(community.Id(), CommunityApi.Article("Never"));
        foreach (var (post, readers) in new[] { (twice, 2), (once, 1) })
        {
            for (var index = 0; index < readers; index++)
            {
                await fixture.Host.CreateClient(TestUser.Employee("reader")).PostJsonAsync($"/api/posts/{post.Id()}/reactions", new { kind = "helpful" }, HttpStatusCode.OK);
            }
        }

        var top = await lead.GetJsonAsync($"/api/communities/{community.Id()}/posts?sort=top&limit=2");
        var rest = await lead.GetJsonAsync($"/api/communities/{community.Id()}/posts?sort=top&limit=2&cursor={top["nextCursor"]}");

        Assert.Equal([twice.Id(), once.Id(), never.Id()], top["items"]!.AsArray().Concat(rest["items"]!.AsArray()).Select(post => post!.Id()));
    }

    [Fact]
    public async Task An_unknown_kind_of_reaction_is_refused()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var post = await lead.PublishAsync(community.Id(), CommunityApi.Article());

        using var response = await lead.PostAsJsonAsync($"/api/posts/{post.Id()}/reactions", new { kind = "love" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["kind"]);
    }
}

public sealed class Reactions_on_Sqlite(SqliteCommunities fixture) : ReactionTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Reactions_on_Postgres(PostgresCommunities fixture) : ReactionTests(fixture), IClassFixture<PostgresCommunities>;
