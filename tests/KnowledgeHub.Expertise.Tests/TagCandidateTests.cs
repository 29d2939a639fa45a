using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>Tags map through the taxonomy; an unknown tag is a candidate until an admin accepts it or three people use it (ADR 0041).</summary>
public abstract class TagCandidateTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task A_project_tag_maps_through_aliases_and_case_and_an_unknown_tag_is_a_candidate_not_a_skill()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var (member, client) = await fixture.PersonAsync("member", "TAGS");
        var unknown = Evidence.UniqueTag("web");

        await fixture.DeliverAsync(Evidence.Member(Guid.NewGuid(), member.Id, "Portal", ["K8S", unknown]));

        var evidence = await client.GetJsonAsync("/api/people/me/evidence");
        Assert.Equal(["Kubernetes"], evidence["items"]!.AsArray().Select(item => item!["skill"]!.GetValue<string>()));
        Assert.Empty((await client.GetJsonAsync($"/api/skills?q={unknown}")).AsArray());
        Assert.DoesNotContain(unknown, (await client.GetJsonAsync("/api/experts/coverage?department=TAGS")).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((1, 1), Candidate(await admin.GetJsonAsync("/api/skills/candidates"), unknown));
    }

    [Fact]
    public async Task An_unknown_tag_becomes_a_skill_once_three_different_people_use_it()
    {
        var unknown = Evidence.UniqueTag("facilities");
        var (first, _) = await fixture.PersonAsync("first");
        var (second, _) = await fixture.PersonAsync("second");
        var (third, thirdClient) = await fixture.PersonAsync("third");

        await fixture.DeliverAsync(Evidence.Post(first.Id, "article", "Desks", [unknown]));
        await fixture.DeliverAsync(Evidence.Post(first.Id, "article", "More desks", [unknown]));
        await fixture.DeliverAsync(Evidence.Post(second.Id, "article", "Chairs", [unknown]));
        Assert.Empty((await thirdClient.GetJsonAsync($"/api/skills?q={unknown}")).AsArray());

        await fixture.DeliverAsync(Evidence.Post(third.Id, "article", "Lamps", [unknown]));

        Assert.Equal([unknown], (await thirdClient.GetJsonAsync($"/api/skills?q={unknown}")).AsArray().Select(skill => skill!["name"]!.GetValue<string>()));
        var evidence = await thirdClient.GetJsonAsync("/api/people/me/evidence");
        Assert.Equal([unknown], evidence["items"]!.AsArray().Select(item => item!["skill"]!.GetValue<string>()));
        Assert.Null(Find(await fixture.Host.CreateClient(TestUser.Admin()).GetJsonAsync("/api/skills/candidates"), unknown));
    }

    /// <summary>
    /// The uses made while the tag was a candidate are derived again once it is a skill (ADR 0116): the
    /// first two people count for it as the third does, whichever use happened to be consumed last.
    /// </summary>
    [Fact]
    public async Task Everyone_who_used_a_tag_before_it_became_a_skill_counts_for_it()
    {
        var unknown = Evidence.UniqueTag("kitchens");
        var (first, firstClient) = await fixture.PersonAsync("first");
        var (second, secondClient) = await fixture.PersonAsync("second");
        var (third, thirdClient) = await fixture.PersonAsync("third");
        await fixture.DeliverAsync(Evidence.Post(first.Id, "article", "Ovens", [unknown]));
        await fixture.DeliverAsync(Evidence.Post(first.Id, "article", "Fridges", [unknown]));
        await fixture.DeliverAsync(Evidence.Post(second.Id, "article", "Sinks", [unknown]));

        await fixture.DeliverAsync(Evidence.Post(third.Id, "article", "Taps", [unknown]));

        await Eventually.EqualAsync(2, () => EvidenceCountAsync(firstClient, unknown), Waiting, "the first person's two posts as evidence");
        await Eventually.EqualAsync(1, () => EvidenceCountAsync(secondClient, unknown), Waiting, "the second person's post as evidence");
        var experts = (await thirdClient.GetJsonAsync($"/api/experts?skill={unknown}"))["items"]!.AsArray()
            .Select(item => Guid.Parse(item!["person"]!["id"]!.GetValue<string>())).Order().ToList();
        Assert.Equal(new[] { first.Id, second.Id, third.Id }.Order(), experts);
    }

    /// <summary>
    /// The third person's posts are consumed at once, one of them the use that promotes the tag: the
    /// others must see the skill it made, not the candidates it removed (they got no evidence at all).
    /// A few rounds, as the interleaving is the database's.
    /// </summary>
    [Fact]
    public async Task Every_post_consumed_at_once_with_the_one_that_makes_its_tag_a_skill_is_evidence()
    {
        const int PostsAtOnce = 8;
        for (var round = 0; round < 4; round++)
        {
            var unknown = Evidence.UniqueTag("tools");
            var (first, _) = await fixture.PersonAsync("first");
            var (second, _) = await fixture.PersonAsync("second");
            var (third, thirdClient) = await fixture.PersonAsync("third");
            await fixture.DeliverAsync(Evidence.Post(first.Id, "article", "Hammers", [unknown]));
            await fixture.DeliverAsync(Evidence.Post(second.Id, "article", "Saws", [unknown]));

            await fixture.DeliverAllAsync(Enumerable.Range(1, PostsAtOnce).Select(post => Evidence.Post(third.Id, "article", $"Drills {post}", [unknown])));

            var evidence = (await thirdClient.GetJsonAsync($"/api/people/me/evidence?skill={unknown}&limit=50"))["items"]!.AsArray();
            Assert.Equal(PostsAtOnce, evidence.Count);
            Assert.Null(Find(await fixture.Host.CreateClient(TestUser.Admin()).GetJsonAsync("/api/skills/candidates"), unknown));
        }
    }

    [Fact]
    public async Task An_admin_accepts_a_candidate_by_putting_the_skill()
    {
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var (author, client) = await fixture.PersonAsync("author");
        var unknown = Evidence.UniqueTag("lab");
        await fixture.DeliverAsync(Evidence.Post(author.Id, "article", "Pipettes", [unknown]));

        await admin.PutJsonAsync($"/api/skills/{unknown}", new { category = "Science" }, HttpStatusCode.OK);
        await fixture.DeliverAsync(Evidence.Post(author.Id, "article", "Pipettes again", [unknown]));

        Assert.Null(Find(await admin.GetJsonAsync("/api/skills/candidates"), unknown));
        // The post tagged before the admin accepted the tag counts too, once derived again (ADR 0116).
        await Eventually.EqualAsync(2, () => EvidenceCountAsync(client, unknown), Waiting, "both posts as evidence");
    }

    [Fact]
    public async Task Only_admins_see_the_candidates()
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync("/api/skills/candidates");

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    private static readonly TimeSpan Waiting = TimeSpan.FromSeconds(30);

    private static async Task<int> EvidenceCountAsync(HttpClient client, string skill) =>
        (await client.GetJsonAsync($"/api/people/me/evidence?skill={skill}&limit=50"))["items"]!.AsArray().Count;

    private static JsonNode? Find(JsonNode candidates, string name) =>
        candidates.AsArray().FirstOrDefault(candidate => candidate!["name"]!.GetValue<string>() == name);

    private static (int People, int Uses) Candidate(JsonNode candidates, string name) =>
        Find(candidates, name) is { } found ? (found["people"]!.GetValue<int>(), found["uses"]!.GetValue<int>()) : (0, 0);
}

public sealed class Tag_candidates_on_Sqlite(SqliteExpertise fixture) : TagCandidateTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Tag_candidates_on_Postgres(PostgresExpertise fixture) : TagCandidateTests(fixture), IClassFixture<PostgresExpertise>;
