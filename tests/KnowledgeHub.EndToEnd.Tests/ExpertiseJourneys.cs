using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Finding an expert through the gateway, in both topologies: declared skills through the
/// taxonomy, an endorsement, an article published in Communities that reaches Expertise as an
/// event, the ranking and its evidence, hiding evidence, coverage, the directory and the import.
/// </summary>
public abstract class ExpertiseJourneys(IHubUnderTest hub)
{
    [Fact]
    public async Task An_expert_is_found_by_a_typo_with_the_evidence_of_declaration_endorsement_and_article()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var department = "X" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var expert = await flow.SignInAsync($"expert.{marker}@example.com", department);
        var colleague = await flow.SignInAsync($"colleague.{marker}@example.com", department);
        var expertId = (await expert.GetJsonAsync("/api/people/me"))["id"]!.GetValue<string>();
        await colleague.GetJsonAsync("/api/people/me");

        var declared = await expert.PutJsonAsync("/api/people/me/skills/k8s", new { level = 4 }, HttpStatusCode.OK);
        await colleague.PostJsonAsync($"/api/people/{expertId}/endorsements", new { skill = "kubernetes", comment = "Runs our clusters" }, HttpStatusCode.Created);
        var community = await expert.PostJsonAsync("/api/communities", new { name = $"Platform {marker}", description = "Clusters", tags = new[] { "kubernetes" }, visibility = "open" }, HttpStatusCode.Created);
        await expert.PostJsonAsync(
            $"/api/communities/{community["id"]}/posts",
            new { type = "article", title = $"Upgrading clusters {marker}", body = "How we did it", tags = new[] { "k8s" } },
            HttpStatusCode.Created);

        Assert.Equal("Kubernetes", declared["name"]!.GetValue<string>());
        var found = await Eventually.GetAsync(
            async () =>
            {
                var experts = await colleague.GetJsonAsync($"/api/experts?q=kubernets&department={department}");
                return Kinds(experts).Contains("post") ? experts : null;
            },
            HubFlow.SearchDeadline,
            "the article to count as evidence");
        Assert.Equal(["Kubernetes"], found["skills"]!.AsArray().Select(skill => skill!.GetValue<string>()));
        var best = found["items"]![0]!;
        Assert.Equal(expertId, best["person"]!["id"]!.GetValue<string>());
        Assert.Equal(["declared", "endorsement", "post"], Kinds(found).Order());
        Assert.Contains($"Upgrading clusters {marker}", best.ToJsonString(), StringComparison.Ordinal);

        var mine = await expert.GetJsonAsync("/api/people/me/evidence?kind=post");
        var article = mine["items"]!.AsArray().Single()!;
        await expert.PutJsonAsync($"/api/people/me/evidence/{article["id"]}", new { hidden = true }, HttpStatusCode.OK);
        var afterHiding = await colleague.GetJsonAsync($"/api/experts?skill=Kubernetes&department={department}");
        Assert.Equal(["declared", "endorsement"], Kinds(afterHiding).Order());

        var coverage = (await colleague.GetJsonAsync($"/api/experts/coverage?department={department}")).AsArray();
        var kubernetes = coverage.Single(item => item!["skill"]!.GetValue<string>() == "Kubernetes")!;
        Assert.Equal((1, "single-expert"), (kubernetes["experts"]!.GetValue<int>(), kubernetes["risk"]!.GetValue<string>()));
        var directory = await colleague.GetJsonAsync($"/api/people?department={department}&skill=k8s");
        Assert.Equal([expertId], directory["items"]!.AsArray().Select(person => person!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Endorsements_refuse_yourself_twice_and_strangers()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var person = await flow.SignInAsync($"person.{marker}@example.com", "IT");
        var endorser = await flow.SignInAsync($"endorser.{marker}@example.com", "IT");
        var personId = (await person.GetJsonAsync("/api/people/me"))["id"]!.GetValue<string>();
        var endorserId = (await endorser.GetJsonAsync("/api/people/me"))["id"]!.GetValue<string>();
        await person.PutJsonAsync("/api/people/me/skills/Python", new { level = 3 }, HttpStatusCode.OK);

        using var first = await endorser.PostAsJsonAsync($"/api/people/{personId}/endorsements", new { skill = "Python" });
        using var twice = await endorser.PostAsJsonAsync($"/api/people/{personId}/endorsements", new { skill = "python" });
        using var self = await endorser.PostAsJsonAsync($"/api/people/{endorserId}/endorsements", new { skill = "Python" });
        using var stranger = await endorser.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/endorsements", new { skill = "Python" });
        using var badLevel = await person.PutAsJsonAsync("/api/people/me/skills/Python", new { level = 9 });

        await first.EnsureStatusAsync(HttpStatusCode.Created);
        await twice.EnsureStatusAsync(HttpStatusCode.Conflict);
        await self.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await self.ReadJsonAsync())["errors"]!["id"]);
        await stranger.EnsureStatusAsync(HttpStatusCode.NotFound);
        await badLevel.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await badLevel.ReadJsonAsync())["errors"]!["level"]);
    }

    [Fact]
    public async Task An_admin_imports_people_and_curates_the_taxonomy()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var admin = await flow.SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        var duplicate = $"kubes-{marker}";

        var imported = await admin.PostJsonAsync(
            "/api/people/import",
            new object[]
            {
                new { email = $"imported.{marker}@example.com", displayName = "Imported", department = "IT", skills = new[] { new { name = duplicate, level = 3 } } },
                new { email = "broken", displayName = "Broken", department = "IT" },
            },
            HttpStatusCode.OK);
        var merged = await admin.PostJsonAsync("/api/skills/merge", new { from = duplicate, into = "Kubernetes" }, HttpStatusCode.OK);
        var skill = await admin.PutJsonAsync("/api/skills/Kubernetes", new { aliases = new[] { "k8s", "kube", duplicate }, category = "Cloud and operations" }, HttpStatusCode.OK);

        Assert.Equal(1, imported["created"]!.GetValue<int>());
        Assert.Equal(1, imported["rejected"]![0]!["index"]!.GetValue<int>());
        Assert.Contains(duplicate, merged["aliases"]!.AsArray().Select(alias => alias!.GetValue<string>()));
        Assert.Equal(["k8s", "kube", duplicate], skill["aliases"]!.AsArray().Select(alias => alias!.GetValue<string>()).Order());
        var skills = await admin.GetJsonAsync($"/api/skills?q={duplicate}");
        Assert.Equal("Kubernetes", skills[0]!["name"]!.GetValue<string>());
    }

    private static List<string> Kinds(JsonNode experts) =>
        experts["items"]![0]!["evidence"]!.AsArray().Select(piece => piece!["kind"]!.GetValue<string>()).ToList();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Expertise_journeys_standalone(StandaloneHubFixture fixture) : ExpertiseJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Expertise_journeys_distributed(DistributedHubFixture fixture) : ExpertiseJourneys(fixture);
