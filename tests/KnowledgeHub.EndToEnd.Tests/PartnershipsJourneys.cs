using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Partnerships through the gateway, the same in both topologies: a collaboration history made only
/// through the other services' public API (Communities, Expertise, Alignment) reaches the matrix as
/// events, and each figure is the one worked out by hand (docs/partnerships.md).
/// </summary>
public abstract class PartnershipsJourneys(IHubUnderTest hub)
{
    [Fact]
    public async Task Help_given_through_the_hub_shows_in_the_executive_matrix_as_worked_out_by_hand()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var marker = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (a, b, skill) = ($"PA{marker}", $"PB{marker}", $"Partnering {marker}");
        var admin = await flow.SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        await admin.PutJsonAsync($"/api/departments/{a}", new { name = "Analytics" }, HttpStatusCode.OK);
        await admin.PutJsonAsync($"/api/departments/{b}", new { name = "Billing" }, HttpStatusCode.OK);
        await admin.PutJsonAsync($"/api/skills/{Uri.EscapeDataString(skill)}", new { aliases = Array.Empty<string>(), category = "Ways of working" }, HttpStatusCode.OK);
        var executive = await flow.SignInAsync($"exec.{marker}@example.com", "IT", "executive");
        var alice = await flow.SignInAsync($"alice.{marker}@example.com", a);
        var bert = await flow.SignInAsync($"bert.{marker}@example.com", b);
        var cleo = await flow.SignInAsync($"cleo.{marker}@example.com", b);
        var aliceId = Id(await alice.GetJsonAsync("/api/people/me"));
        await bert.GetJsonAsync("/api/people/me");
        await cleo.GetJsonAsync("/api/people/me");

        // Answers: alice answers bert (accepted: 1 + 2) and cleo (1); bert answers alice (1).
        var community = Id(await alice.PostJsonAsync("/api/communities", new { name = $"Data guild {marker}", description = "Numbers", tags = new[] { "data" }, visibility = "open" }, HttpStatusCode.Created));
        await bert.PostJsonAsync($"/api/communities/{community}/members", new { }, HttpStatusCode.OK);
        await cleo.PostJsonAsync($"/api/communities/{community}/members", new { }, HttpStatusCode.OK);
        var bertsQuestion = await AskAsync(bert, community, $"How are invoices aged {marker}?");
        var accepted = await alice.PostJsonAsync($"/api/posts/{bertsQuestion}/answers", new { body = "By due date, in buckets of 30 days." }, HttpStatusCode.Created);
        await bert.PostJsonAsync($"/api/posts/{bertsQuestion}/accepted-answer", new { answerId = Id(accepted) }, HttpStatusCode.OK);
        await alice.PostJsonAsync($"/api/posts/{await AskAsync(cleo, community, $"Which churn model {marker}?")}/answers", new { body = "Start with survival curves." }, HttpStatusCode.Created);
        await bert.PostJsonAsync($"/api/posts/{await AskAsync(alice, community, $"When do we bill {marker}?")}/answers", new { body = "On the first working day." }, HttpStatusCode.Created);
        // cleo endorses alice (1): the endorsed person's knowledge reached the endorser.
        await alice.PutJsonAsync($"/api/people/me/skills/{Uri.EscapeDataString(skill)}", new { level = 4 }, HttpStatusCode.OK);
        await cleo.PostJsonAsync($"/api/people/{aliceId}/endorsements", new { skill }, HttpStatusCode.Created);
        // alice works on a project billing sponsors (2), which serves billing's objective.
        var project = Id(await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(cleo, "/api/projects", new
        {
            name = $"Invoice insights {marker}",
            description = "Analytics for billing",
            sponsorDepartment = b,
            partnerDepartments = new[] { a },
            tags = new[] { "data" },
            budget = new { planned = 50_000, actual = 0, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2027-12-31",
            status = "active",
        }));
        // Alice is known to Alignment from her sign-in; the membership counts once she confirms it (ADR 0047).
        await Eventually.AssertAsync(
            async () => (await cleo.PutAsJsonAsync($"/api/projects/{project}/members/{aliceId}", new { role = "analyst" })).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15),
            "Alignment to know Alice");
        await alice.PostJsonAsync($"/api/projects/{project}/members/me/confirmation", new { }, HttpStatusCode.OK);
        var objective = Id(await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(executive, "/api/objectives", new
        {
            title = $"Get paid faster {marker}",
            description = "Shorter days sales outstanding",
            department = b,
            period = "2026-H2",
            priority = 1,
            keyResults = Array.Empty<object>(),
        }));
        await cleo.PutJsonAsync($"/api/projects/{project}/alignments/{objective}", new { contribution = "high", rationale = "Finds late payers" }, HttpStatusCode.OK);

        // analytics → billing: 3 + 1 + 1 + 2 = 7; billing → analytics: 1. Reciprocity 1/7; health 8/18 × (0.5 + 0.5/7) = 0.2540.
        var pair = await Eventually.GetAsync(
            async () => (await executive.GetJsonAsync("/api/partnerships/matrix"))["pairs"]!.AsArray()
                .SingleOrDefault(item => item!["a"]!.GetValue<string>() == a && item["b"]!.GetValue<string>() == b
                    && item["helpAtoB"]!.GetValue<double>() == 7 && item["helpBtoA"]!.GetValue<double>() == 1 && item["sharedObjectives"]!.GetValue<int>() == 1),
            TimeSpan.FromSeconds(30),
            "the matrix to show the help between the two departments");
        Assert.Equal((0.1429, 0.254), (pair["reciprocity"]!.GetValue<double>(), pair["health"]!.GetValue<double>()));
        Assert.Equal((1, 1, 1), (pair["sharedProjects"]!.GetValue<int>(), pair["sharedCommunities"]!.GetValue<int>(), pair["sharedObjectives"]!.GetValue<int>()));
        // All of it this month: the last of the twelve trend points carries the health, the others nothing.
        var trend = pair["trend"]!.AsArray().Select(point => point!["health"]!.GetValue<double>()).ToList();
        Assert.Equal([.. Enumerable.Repeat(0.0, 11), 0.254], trend);

        // alice reaches billing with 7 in 5 contributions: √7 = 2.6458.
        var spanner = Assert.Single((await bert.GetJsonAsync($"/api/partnerships/boundary-spanners?department={a}"))["items"]!.AsArray())!;
        Assert.Equal((aliceId, 2.6458, 5), (spanner["person"]!["id"]!.GetValue<string>(), spanner["score"]!.GetValue<double>(), spanner["departmentsHelped"]![0]!["contributions"]!.GetValue<int>()));
        var map = await bert.GetJsonAsync($"/api/systems-map?focus=project:{project}");
        Assert.Contains($"objective:{objective}", map["nodes"]!.AsArray().Select(node => node!["id"]!.GetValue<string>()));
        using var forbidden = await bert.GetAsync("/api/partnerships/matrix");
        await forbidden.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<string> AskAsync(HttpClient asker, string community, string title) =>
        Id(await asker.PostJsonAsync($"/api/communities/{community}/posts", new { type = "question", title, body = "Any pointers?", tags = new[] { "data" } }, HttpStatusCode.Created));

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Partnerships_journeys_standalone(StandaloneHubFixture fixture) : PartnershipsJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Partnerships_journeys_distributed(DistributedHubFixture fixture) : PartnershipsJourneys(fixture);
