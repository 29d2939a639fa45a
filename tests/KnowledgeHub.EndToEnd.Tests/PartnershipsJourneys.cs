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

    [Fact]
    public async Task Silos_introductions_and_the_systems_map_through_the_hub_are_as_worked_out_by_hand()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var marker = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (s, t, u, skill) = ($"SI{marker}", $"TI{marker}", $"UI{marker}", $"Siloed {marker}");
        var admin = await flow.SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        foreach (var (code, name) in new[] { (s, "Stores"), (t, "Transport"), (u, "Utilities") })
        {
            await admin.PutJsonAsync($"/api/departments/{code}", new { name }, HttpStatusCode.OK);
        }

        await admin.PutJsonAsync($"/api/skills/{Uri.EscapeDataString(skill)}", new { aliases = Array.Empty<string>(), category = "Ways of working" }, HttpStatusCode.OK);
        var executive = await flow.SignInAsync($"exec.{marker}@example.com", "IT", "executive");
        var sara = await flow.SignInAsync($"sara.{marker}@example.com", s);
        var sam = await flow.SignInAsync($"sam.{marker}@example.com", s);
        var tom = await flow.SignInAsync($"tom.{marker}@example.com", t);
        var uma = await flow.SignInAsync($"uma.{marker}@example.com", u);
        var (saraId, tomId, umaId) = (Id(await sara.GetJsonAsync("/api/people/me")), Id(await tom.GetJsonAsync("/api/people/me")), Id(await uma.GetJsonAsync("/api/people/me")));
        await sam.GetJsonAsync("/api/people/me");
        foreach (var person in new[] { sara, tom, uma })
        {
            await person.PutJsonAsync($"/api/people/me/skills/{Uri.EscapeDataString(skill)}", new { level = 3 }, HttpStatusCode.OK);
        }

        // Stores gives 7: sara answers sam twice, both accepted (2 × 3 inside), and tom once (1 to transport).
        var community = Id(await sara.PostJsonAsync("/api/communities", new { name = $"Stores desk {marker}", description = "Stock", tags = new[] { "data" }, visibility = "open" }, HttpStatusCode.Created));
        await sam.PostJsonAsync($"/api/communities/{community}/members", new { }, HttpStatusCode.OK);
        await tom.PostJsonAsync($"/api/communities/{community}/members", new { }, HttpStatusCode.OK);
        foreach (var title in new[] { $"Where is aisle 9 {marker}?", $"Who counts the stock {marker}?" })
        {
            var question = await AskAsync(sam, community, title);
            var answer = await sara.PostJsonAsync($"/api/posts/{question}/answers", new { body = "Ask me anytime." }, HttpStatusCode.Created);
            await sam.PostJsonAsync($"/api/posts/{question}/accepted-answer", new { answerId = Id(answer) }, HttpStatusCode.OK);
        }

        await sara.PostJsonAsync($"/api/posts/{await AskAsync(tom, community, $"When do pallets ship {marker}?")}/answers", new { body = "Mondays." }, HttpStatusCode.Created);
        // Transport and utilities share a project and never exchange anything; sara and uma own one objective of stores.
        await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(tom, "/api/projects", new
        {
            name = $"Grid to depot {marker}",
            description = "Power for the new depot",
            sponsorDepartment = t,
            partnerDepartments = new[] { u },
            tags = new[] { "energy" },
            budget = new { planned = 10_000, actual = 0, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2027-12-31",
            status = "active",
        });
        var objective = $"Never run out {marker}";
        var objectiveId = await Eventually.GetAsync(
            async () =>
            {
                using var created = await executive.PostAsJsonAsync("/api/objectives", new
                {
                    title = objective,
                    description = "Stock where it is needed",
                    department = s,
                    period = "2026-H2",
                    priority = 2,
                    owners = new[] { saraId, umaId },
                    keyResults = Array.Empty<object>(),
                });
                return created.StatusCode == HttpStatusCode.Created ? Id(await created.ReadJsonAsync()) : null;
            },
            TimeSpan.FromSeconds(15),
            "Alignment to know stores, sara and uma");

        // Stores keeps 6 of 7 inside: 0.8571, a silo (at least 5 given, at least 75 % inside).
        var silos = await Eventually.GetAsync(
            async () =>
            {
                var found = await executive.GetJsonAsync("/api/partnerships/silos");
                return found["departments"]!.AsArray().Any(department => Text(department!, "code") == s && department!["help"]!.GetValue<double>() == 7)
                    && found["pairs"]!.AsArray().Any(pair => Text(pair!, "a") == t) ? found : null;
            },
            TimeSpan.FromSeconds(30),
            "stores to be a silo and transport with utilities a silo pair");
        var stores = silos["departments"]!.AsArray().Single(department => Text(department!, "code") == s)!;
        Assert.Equal(0.8571, stores["internalShare"]!.GetValue<double>());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var ours = silos["pairs"]!.AsArray().Where(pair => new[] { s, t, u }.Contains(Text(pair!, "a"))).ToList();
        var pair = Assert.Single(ours)!;
        Assert.Equal((t, u, 1, 0), (Text(pair, "a"), Text(pair, "b"), pair["sharedProjects"]!.GetValue<int>(), pair["sharedObjectives"]!.GetValue<int>()));
        Assert.Equal($"They share 1 active project but exchanged no knowledge from {from:yyyy-MM-dd} to {today:yyyy-MM-dd}.", Text(pair, "reason"));

        // Stores to transport is one-way: 1 and 0, reciprocity 0, health 1/11 × 0.5 = 0.0455.
        var oneWay = (await executive.GetJsonAsync("/api/partnerships/matrix"))["pairs"]!.AsArray().Single(item => Text(item!, "a") == s && Text(item!, "b") == t)!;
        Assert.Equal((1.0, 0.0, 0.0, 0.0455), (oneWay["helpAtoB"]!.GetValue<double>(), oneWay["helpBtoA"]!.GetValue<double>(), oneWay["reciprocity"]!.GetValue<double>(), oneWay["health"]!.GetValue<double>()));

        // sara meets uma: the objective (2) and the skill (1) = 3; not tom (she answered him), not sam (stores).
        var introductions = await Eventually.GetAsync(
            async () =>
            {
                var items = (await sara.GetJsonAsync("/api/partnerships/introductions"))["items"]!.AsArray();
                return items.Any(item => Text(item!["person"]!, "id") == umaId && item!["score"]!.GetValue<double>() == 3) ? items : null;
            },
            TimeSpan.FromSeconds(30),
            "uma to be suggested to sara for the objective and the skill");
        var suggested = Assert.Single(introductions, item => Text(item!["person"]!, "id") is var id && (id == umaId || id == tomId))!;
        Assert.Equal([$"Also works toward the objective \u201c{objective}\u201d", $"Also works with {skill}"], suggested["reasons"]!.AsArray().Select(reason => reason!.GetValue<string>()));
        // tom meets uma on the skill alone (1); sara, whom he asked, is no introduction.
        var toms = (await tom.GetJsonAsync("/api/partnerships/introductions"))["items"]!.AsArray()
            .Where(item => Text(item!["person"]!, "id") is var id && (id == umaId || id == saraId)).ToList();
        Assert.Equal((umaId, 1.0), (Text(Assert.Single(toms)!["person"]!, "id"), toms[0]!["score"]!.GetValue<double>()));

        // Two rings around stores: its people and objective (belongs-to, owns), then the community both people are in
        // (member-of). Weights are the edges' on the map: stores 2 people + 1 objective; sara and sam 1 + 1; the community 2.
        // sara's help to transport links nothing here: transport is not on the map.
        var map = await executive.GetJsonAsync($"/api/systems-map?focus=department:{s}&depth=2");
        var samId = Id(await sam.GetJsonAsync("/api/people/me"));
        var nodes = map["nodes"]!.AsArray().ToDictionary(node => Text(node!, "id"), node => (node!["distance"]!.GetValue<int>(), node!["weight"]!.GetValue<double>()));
        Assert.Equal(
            new Dictionary<string, (int, double)>
            {
                [$"department:{s}"] = (0, 3), [$"person:{saraId}"] = (1, 2), [$"person:{samId}"] = (1, 2),
                [$"objective:{objectiveId}"] = (1, 1), [$"community:{community}"] = (2, 2),
            },
            nodes);
        Assert.Equal(5, map["edges"]!.AsArray().Count);
    }

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();

    private static async Task<string> AskAsync(HttpClient asker, string community, string title) =>
        Id(await asker.PostJsonAsync($"/api/communities/{community}/posts", new { type = "question", title, body = "Any pointers?", tags = new[] { "data" } }, HttpStatusCode.Created));

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Partnerships_journeys_standalone(StandaloneHubFixture fixture) : PartnershipsJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Partnerships_journeys_distributed(DistributedHubFixture fixture) : PartnershipsJourneys(fixture);
