using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class ExpertFindingTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task Demonstrated_work_outranks_a_declaration_and_every_result_shows_its_evidence()
    {
        var tag = await fixture.SkillAsync();
        var (declarer, declarerClient) = await fixture.PersonAsync("declarer");
        var (answerer, _) = await fixture.PersonAsync("answerer");
        var (expert, _) = await fixture.PersonAsync("expert");
        await declarerClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 5 }, HttpStatusCode.OK);
        await fixture.DeliverAsync(Evidence.Answer(answerer.Id, declarer.Id, "Question one", [tag]));
        await fixture.DeliverAsync(Evidence.Answer(answerer.Id, declarer.Id, "Question two", [tag]));
        var accepted = Evidence.Answer(expert.Id, declarer.Id, "Question three", [tag]);
        await fixture.DeliverAsync(accepted);
        await fixture.DeliverAsync(Evidence.Accepted(accepted));
        await fixture.DeliverAsync(Evidence.Member(Guid.NewGuid(), expert.Id, "Platform", [tag]));

        var experts = await declarerClient.GetJsonAsync($"/api/experts?skill={tag}");

        Assert.Equal([expert.Id, answerer.Id, declarer.Id], Ids(experts));
        var best = experts["items"]![0]!;
        Assert.Equal(expert.DisplayName, best["person"]!["displayName"]!.GetValue<string>());
        Assert.Equal("IT", best["person"]!["department"]!.GetValue<string>());
        Assert.Equal(["accepted-answer", "project"], best["evidence"]!.AsArray().Select(piece => piece!["kind"]!.GetValue<string>()).Order());
        Assert.All(best["evidence"]!.AsArray(), piece => Assert.Equal(tag, piece!["skill"]!.GetValue<string>()));
        Assert.Contains("Question three", best["evidence"]!.ToJsonString(), StringComparison.Ordinal);
        var scores = experts["items"]!.AsArray().Select(item => item!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Among_many_holders_the_best_score_wins_even_with_less_evidence_in_total()
    {
        // 65 people with four posts each hold more evidence in sum than one declared authority, but
        // saturation scores them lower: the ranking must read past its first batch to find her.
        var tag = await fixture.SkillAsync();
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var posters = Enumerable.Range(0, 65).Select(index => $"poster{index}.{tag}@example.com").ToList();
        await admin.PostJsonAsync("/api/people/import", posters.Select(email => new { email, displayName = email, department = "IT" }).ToList(), HttpStatusCode.OK);
        await fixture.DeliverAllAsync(posters.SelectMany(poster => Enumerable.Range(0, 4).Select(post =>
            (object)Evidence.Post(KnowledgeHub.ServiceDefaults.Auth.PersonIds.FromEmail(poster), "article", $"Post {post}", [tag]))));
        var (authority, client) = await fixture.PersonAsync("authority");
        await client.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 5 }, HttpStatusCode.OK);

        var top = await client.GetJsonAsync($"/api/experts?skill={tag}&limit=1");
        var all = await client.GetJsonAsync($"/api/experts?skill={tag}&limit=100");

        Assert.Equal([authority.Id], Ids(top));
        Assert.Equal(66, Ids(all).Count);
        Assert.Equal(authority.Id, Ids(all)[0]);
    }

    [Fact]
    public async Task Old_evidence_counts_less_than_fresh_evidence()
    {
        var tag = await fixture.SkillAsync();
        var (veteran, _) = await fixture.PersonAsync("veteran");
        var (current, client) = await fixture.PersonAsync("current");
        foreach (var (person, at) in new[] { (veteran, DateTimeOffset.UtcNow.AddYears(-3)), (current, DateTimeOffset.UtcNow.AddDays(-10)) })
        {
            var answer = Evidence.Answer(person.Id, Guid.NewGuid(), "Same work", [tag], at);
            await fixture.DeliverAsync(answer);
            await fixture.DeliverAsync(Evidence.Accepted(answer, at));
        }

        var experts = await client.GetJsonAsync($"/api/experts?skill={tag}");

        Assert.Equal([current.Id, veteran.Id], Ids(experts));
        var (fresh, old) = (experts["items"]![0]!["score"]!.GetValue<double>(), experts["items"]![1]!["score"]!.GetValue<double>());
        Assert.InRange(old / fresh, 0.1, 0.2);
    }

    [Fact]
    public async Task Free_text_with_a_typo_resolves_to_the_skill()
    {
        var (person, client) = await fixture.PersonAsync();
        var skill = $"Quantumflux{Guid.NewGuid():N}"[..16];
        await client.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 4 }, HttpStatusCode.OK);
        var typo = skill[..3] + skill[4] + skill[3] + skill[5..];

        var experts = await client.GetJsonAsync($"/api/experts?q={Uri.EscapeDataString($"who knows {typo}?")}");

        Assert.Equal([skill], experts["skills"]!.AsArray().Select(name => name!.GetValue<string>()));
        Assert.Equal("text", experts["matchedBy"]!.GetValue<string>());
        Assert.Equal([person.Id], Ids(experts));
    }

    [Fact]
    public async Task Free_text_that_names_no_skill_falls_back_to_evidence_titles()
    {
        var (author, client) = await fixture.PersonAsync();
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        await fixture.DeliverAsync(Evidence.Post(author.Id, "article", $"Migrating the {word} ledger", [await fixture.SkillAsync(), await fixture.SkillAsync()]));

        var experts = await client.GetJsonAsync($"/api/experts?q={word}%20ledger");

        Assert.Equal("title", experts["matchedBy"]!.GetValue<string>());
        Assert.Equal([author.Id], Ids(experts));
        Assert.Single(experts["items"]![0]!["evidence"]!.AsArray());
    }

    [Fact]
    public async Task Department_filters_while_nearby_ranks_it_first_without_dropping_others()
    {
        var tag = await fixture.SkillAsync();
        var department = "N" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (strong, strongClient) = await fixture.PersonAsync("strong");
        var (local, localClient) = await fixture.PersonAsync("local", department);
        await strongClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 5 }, HttpStatusCode.OK);
        await localClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 2 }, HttpStatusCode.OK);

        var everyone = await localClient.GetJsonAsync($"/api/experts?skill={tag}");
        var filtered = await localClient.GetJsonAsync($"/api/experts?skill={tag}&department={department}");
        var nearbyMine = await localClient.GetJsonAsync($"/api/experts?skill={tag}&nearby=true");
        var nearbyAsked = await strongClient.GetJsonAsync($"/api/experts?skill={tag}&nearby=true&department={department.ToLowerInvariant()}");

        Assert.Equal([strong.Id, local.Id], Ids(everyone));
        Assert.Equal([local.Id], Ids(filtered));
        Assert.Equal([local.Id, strong.Id], Ids(nearbyMine));
        Assert.Equal([local.Id, strong.Id], Ids(nearbyAsked));
    }

    [Fact]
    public async Task Available_keeps_people_open_to_mentoring_or_consulting()
    {
        var tag = await fixture.SkillAsync();
        var (busy, busyClient) = await fixture.PersonAsync("busy");
        var (mentor, mentorClient) = await fixture.PersonAsync("mentor");
        await busyClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 5 }, HttpStatusCode.OK);
        await mentorClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 3 }, HttpStatusCode.OK);
        await mentorClient.PutJsonAsync("/api/people/me", new { displayName = mentor.DisplayName, department = "IT", availability = new { mentoring = true, hoursPerWeek = 2 } }, HttpStatusCode.OK);

        var available = await busyClient.GetJsonAsync($"/api/experts?skill={tag}&available=true");

        Assert.Equal([mentor.Id], Ids(available));
        Assert.Contains(busy.Id, Ids(await busyClient.GetJsonAsync($"/api/experts?skill={tag}")));
    }

    [Fact]
    public async Task Hidden_evidence_never_counts_and_never_shows_to_others()
    {
        var tag = await fixture.SkillAsync();
        var (hider, hiderClient) = await fixture.PersonAsync("hider");
        var (other, otherClient) = await fixture.PersonAsync("other");
        await fixture.DeliverAsync(Evidence.Post(hider.Id, "article", "Keep this quiet", [tag]));
        await fixture.DeliverAsync(Evidence.Post(hider.Id, "article", "Fine to show", [tag]));
        await fixture.DeliverAsync(Evidence.Post(other.Id, "article", "Other work", [tag]));
        var before = await otherClient.GetJsonAsync($"/api/experts?skill={tag}");
        var quiet = (await hiderClient.GetJsonAsync($"/api/people/me/evidence?skill={tag}"))["items"]!.AsArray()
            .Single(item => item!["detail"]!.GetValue<string>().Contains("quiet", StringComparison.Ordinal))!;

        await hiderClient.PutJsonAsync($"/api/people/me/evidence/{quiet["id"]}", new { hidden = true }, HttpStatusCode.OK);

        var after = await otherClient.GetJsonAsync($"/api/experts?skill={tag}");
        Assert.Equal([hider.Id, other.Id], Ids(before));
        Assert.Equal(Score(after, other.Id), Score(after, hider.Id));
        Assert.DoesNotContain("quiet", after.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Ids(await otherClient.GetJsonAsync("/api/experts?q=keep%20this%20quiet")));
        Assert.True((await hiderClient.GetJsonAsync($"/api/people/me/evidence?skill={tag}"))["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == quiet["id"]!.GetValue<string>())!["hidden"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/api/experts", "q")]
    [InlineData("/api/experts?q=%20", "q")]
    [InlineData("/api/experts?skill=kubernetes&limit=0", "limit")]
    [InlineData("/api/experts?skill=kubernetes&limit=101", "limit")]
    [InlineData("/api/experts?skill=kubernetes&department=not%20a%20code", "department")]
    [InlineData("/api/experts/coverage?department=not%20a%20code", "department")]
    public async Task Bad_questions_are_refused_naming_the_field(string url, string field)
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync(url);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Coverage_shows_single_experts_missing_experts_and_what_projects_need()
    {
        var department = "C" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (solo, shared, needed, practised) = (Evidence.UniqueTag("solo"), Evidence.UniqueTag("shared"), Evidence.UniqueTag("needed"), Evidence.UniqueTag("practised"));
        var (_, first) = await fixture.PersonAsync("first", department);
        var (_, second) = await fixture.PersonAsync("second", department);
        var (_, outsider) = await fixture.PersonAsync("outsider", "IT");
        await first.PutJsonAsync($"/api/people/me/skills/{solo}", new { level = 4 }, HttpStatusCode.OK);
        await first.PutJsonAsync($"/api/people/me/skills/{shared}", new { level = 5 }, HttpStatusCode.OK);
        await second.PutJsonAsync($"/api/people/me/skills/{shared}", new { level = 4 }, HttpStatusCode.OK);
        await second.PutJsonAsync($"/api/people/me/skills/{practised}", new { level = 2 }, HttpStatusCode.OK);
        await outsider.PutJsonAsync($"/api/people/me/skills/{needed}", new { level = 5 }, HttpStatusCode.OK);
        await fixture.DeliverAsync(Evidence.Project(Guid.NewGuid(), "Needs it", [needed, solo], version: 1, sponsor: "IT", partners: [department]));
        await fixture.DeliverAsync(Evidence.Project(Guid.NewGuid(), "Finished", [Evidence.UniqueTag("done")], version: 1, sponsor: department, status: "done"));

        var coverage = (await first.GetJsonAsync($"/api/experts/coverage?department={department}")).AsArray()
            .ToDictionary(item => item!["skill"]!.GetValue<string>(), item => item!);

        Assert.Equal([needed, practised, solo, shared], coverage.Keys.Order(StringComparer.Ordinal).OrderBy(key => key == needed ? 0 : key == practised ? 1 : key == solo ? 2 : 3));
        Assert.Equal((0, 0, "none", 1), Row(coverage[needed]));
        Assert.Equal((0, 1, "none", 0), Row(coverage[practised]));
        Assert.Equal((1, 0, "single-expert", 1), Row(coverage[solo]));
        Assert.Equal((2, 0, "ok", 0), Row(coverage[shared]));
        Assert.Equal(
            [needed, practised, solo, shared],
            (await first.GetJsonAsync($"/api/experts/coverage?department={department}")).AsArray().Select(item => item!["skill"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Coverage_of_an_unknown_department_is_not_found()
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync("/api/experts/coverage?department=NOWHERE42");

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    private static List<Guid> Ids(JsonNode experts) =>
        experts["items"]!.AsArray().Select(item => Guid.Parse(item!["person"]!["id"]!.GetValue<string>())).ToList();

    internal static double Score(JsonNode experts, Guid person) =>
        experts["items"]!.AsArray().Single(item => item!["person"]!["id"]!.GetValue<string>() == person.ToString())!["score"]!.GetValue<double>();

    private static (int, int, string, int) Row(JsonNode item) =>
        (item["experts"]!.GetValue<int>(), item["practitioners"]!.GetValue<int>(), item["risk"]!.GetValue<string>(), item["projects"]!.GetValue<int>());
}

public sealed class Expert_finding_on_Sqlite(SqliteExpertise fixture) : ExpertFindingTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Expert_finding_on_Postgres(PostgresExpertise fixture) : ExpertFindingTests(fixture), IClassFixture<PostgresExpertise>;
