using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// A closed community's posts reach its members only, in search as on every route (the matrix),
/// and an outsider cannot tell a hidden post from one that does not exist.
/// </summary>
[Collection(SecuredHub.Collection)]
public sealed class ClosedCommunityTests(SecuredHub hub)
{
    private HubWorld World => hub.World;

    [Fact]
    public async Task Search_finds_a_closed_communitys_post_for_its_members_only()
    {
        // A post of its own: the matrix edits the shared ones.
        var (post, marker) = await World.NewClosedPostFoundByMembersAsync();

        foreach (var outsider in new[] { Role.Employee, Role.Executive, Role.Admin })
        {
            using var client = hub.Client(outsider);
            var found = Ids(await client.GetJsonAsync($"/api/search?q={marker}"));
            var suggested = (await client.GetJsonAsync($"/api/search/suggest?q={marker}")).AsArray().Select(item => item!["id"]!.GetValue<string>());
            Assert.DoesNotContain(post, found);
            Assert.DoesNotContain(post, suggested);
        }
    }

    /// <summary>
    /// Issue 24: a closed community's article tagged "layoffs" showed the skill, its author, "Article
    /// in a closed community" and a date to everyone. ADR 0038: its work is no evidence at all.
    /// </summary>
    [Fact]
    public async Task A_closed_communitys_tags_make_no_skill_or_expert_outside_it()
    {
        var secret = "zqlayoffs" + Guid.NewGuid().ToString("N")[..8];
        var control = "zqopen" + Guid.NewGuid().ToString("N")[..8];
        // Both are skills an admin made, so a tag is not held back as a mere candidate (ADR 0041).
        using var admin = hub.Client(Role.Admin);
        foreach (var skill in new[] { secret, control })
        {
            await admin.PutJsonAsync($"/api/skills/{skill}", new { }, HttpStatusCode.OK);
        }

        using var author = hub.Client(Role.Author);
        await author.PostJsonAsync($"/api/communities/{World["closed"]}/posts", new { type = "article", title = "Restructuring", body = "Plans.", tags = new[] { secret } }, HttpStatusCode.Created);
        await author.PostJsonAsync($"/api/communities/{World["open"]}/posts", new { type = "article", title = "Runbook", body = "Steps.", tags = new[] { control } }, HttpStatusCode.Created);
        using var outsider = hub.Client(Role.Employee);
        // The open article, published after the closed one, shows that the directory has caught up.
        await Eventually.AssertAsync(
            async () => (await outsider.GetJsonAsync($"/api/experts?skill={control}"))["items"]!.AsArray().Count == 1,
            TimeSpan.FromSeconds(10),
            "the open article's evidence to arrive");

        Assert.Equal(0, (await outsider.GetJsonAsync($"/api/skills?q={secret}")).AsArray().Single(skill => skill!["name"]!.GetValue<string>() == secret)!["people"]!.GetValue<int>());
        foreach (var route in new[] { $"/api/experts?skill={secret}", $"/api/people?skill={secret}" })
        {
            Assert.Empty((await outsider.GetJsonAsync(route))["items"]!.AsArray());
        }

        var coverage = (await outsider.GetJsonAsync("/api/experts/coverage?department=HR")).ToJsonString();
        Assert.DoesNotContain(secret, coverage, StringComparison.Ordinal);
        Assert.DoesNotContain("closed community", coverage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/posts/{closedPost}")]
    [InlineData("/api/communities/{closed}/posts")]
    [InlineData("/api/communities/{closed}/members")]
    public async Task An_outsider_gets_the_same_answer_for_a_hidden_and_a_missing_thing(string template)
    {
        using var outsider = hub.Client(Role.Employee);
        var hidden = World.Resolve(template);
        var missing = hidden.Replace(World[template.Contains("closedPost", StringComparison.Ordinal) ? "closedPost" : "closed"], Guid.NewGuid().ToString(), StringComparison.Ordinal);

        using var hiddenAnswer = await outsider.GetAsync(hidden, TestContext.Current.CancellationToken);
        using var missingAnswer = await outsider.GetAsync(missing, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, hiddenAnswer.StatusCode);
        Assert.Equal((missingAnswer.StatusCode, Title(await missingAnswer.ReadJsonAsync())), (hiddenAnswer.StatusCode, Title(await hiddenAnswer.ReadJsonAsync())));
    }

    [Fact]
    public async Task Ids_are_random_uuids_that_cannot_be_counted_through()
    {
        var ids = new[] { World["open"], World["closed"], World["openPost"], World["question"], World["closedPost"], World["project"], World["objective"] }
            .Select(Guid.Parse)
            .ToList();

        // Version 7: a timestamp and 74 random bits, so the next id cannot be guessed from the last.
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.Equal(ids.Count, ids.Select(id => id.ToString()[^12..]).Distinct().Count());
    }

    private static HashSet<string> Ids(JsonNode results) =>
        results["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToHashSet();

    private static string? Title(JsonNode problem) => problem["title"]?.GetValue<string>();
}
