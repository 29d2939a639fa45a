using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Alignment through the gateway, the same in both topologies: departments come from the
/// directory (Expertise) as events, objectives and projects name them, and an executive reads the
/// scorecard of a period no other test uses.
/// </summary>
public abstract class AlignmentJourneys(IHubUnderTest hub)
{
    [Fact]
    public async Task An_executive_sees_which_projects_serve_which_objectives_and_which_departments_work_together()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var marker = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (sales, finance) = ($"S{marker}", $"F{marker}");
        var admin = await flow.SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        await admin.PutJsonAsync($"/api/departments/{sales}", new { name = "Sales" }, HttpStatusCode.OK);
        await admin.PutJsonAsync($"/api/departments/{finance}", new { name = "Finance" }, HttpStatusCode.OK);
        var executive = await flow.SignInAsync($"exec.{marker}@example.com", "IT", "executive");
        var lead = await flow.SignInAsync($"lead.{marker}@example.com", "IT");
        var employee = await flow.SignInAsync($"employee.{marker}@example.com", "IT");
        const string period = "2099-H1";

        var grow = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(executive, "/api/objectives", new
        {
            title = "Grow renewals",
            description = "Keep the customers we have",
            department = sales,
            period,
            priority = 1,
            keyResults = new[] { new { title = "Renewal rate", baseline = 70m, target = 90m, current = 72m, unit = "%" } },
        });
        var close = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(executive, "/api/objectives", new
        {
            title = "Close the books in three days",
            description = "",
            department = finance,
            period,
            priority = 2,
            keyResults = Array.Empty<object>(),
        });
        var dashboards = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(lead, "/api/projects", Project($"Renewal dashboards {marker}", sales, [finance], 300_000m));
        var archive = await lead.PostJsonAsync("/api/projects", Project($"Invoice archive {marker}", finance, [], 100_000m), HttpStatusCode.Created);
        var dashboardsUrl = $"/api/projects/{Id(dashboards)}";

        await lead.PutJsonAsync($"{dashboardsUrl}/alignments/{Id(grow)}", new { contribution = "high", rationale = "Shows who is about to leave" }, HttpStatusCode.OK);
        await lead.PostJsonAsync($"{dashboardsUrl}/status-reports", new { health = "green", summary = "First dashboard live" }, HttpStatusCode.Created);
        var analyst = await flow.SignInAsync($"analyst.{marker}@example.com", finance);
        var analystId = Id(await analyst.GetJsonAsync("/api/people/me"));
        // Alignment learns of the analyst from their first sign-in (PersonSeen); until then it knows nobody by that id.
        await Eventually.AssertAsync(
            async () => (await lead.PutAsJsonAsync($"{dashboardsUrl}/members/{analystId}", new { role = "analyst" })).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15),
            "Alignment to know the analyst");
        var confirmed = await analyst.PostJsonAsync($"{dashboardsUrl}/members/me/confirmation", new { }, HttpStatusCode.OK);
        Assert.NotNull(confirmed["confirmedAt"]);
        var checkIn = await executive.PutJsonAsync($"/api/objectives/{Id(grow)}/key-results/{Id(grow["keyResults"]![0]!)}", new { current = 78m }, HttpStatusCode.OK);

        Assert.Equal([72m, 78m], checkIn["history"]!.AsArray().Select(value => value!["value"]!.GetValue<decimal>()));
        var objective = await employee.GetJsonAsync($"/api/objectives/{Id(grow)}");
        Assert.Equal([Id(dashboards)], objective["projects"]!.AsArray().Select(project => Id(project!)));
        var project = await employee.GetJsonAsync(dashboardsUrl);
        Assert.Equal("green", project["health"]!.GetValue<string>());
        Assert.Contains(analystId, project["members"]!.AsArray().Select(member => member!["personId"]!.GetValue<string>()));
        Assert.Equal([Id(dashboards)], Ids(await employee.GetJsonAsync($"/api/projects?aligned=true&period={period}")));
        Assert.Single(Ids(await employee.GetJsonAsync($"{dashboardsUrl}/status-reports")));

        var scorecard = await executive.GetJsonAsync($"/api/alignment/scorecard?period={period}");
        Assert.Equal(2, scorecard["objectives"]!["total"]!.GetValue<int>());
        Assert.Equal([Id(close)], scorecard["objectives"]!["unsupported"]!.AsArray().Select(item => Id(item!)));
        var unaligned = scorecard["projects"]!["unaligned"]!.AsArray().Single(item => Id(item!) == Id(archive))!;
        Assert.Equal(100_000m, unaligned["planned"]!.GetValue<decimal>());
        Assert.DoesNotContain(Id(dashboards), scorecard["projects"]!["unaligned"]!.AsArray().Select(item => Id(item!)));
        // Sales sponsors the dashboards (aligned, 300,000); finance partners in them and sponsors the archive (100,000):
        // 300,000 / 400,000 = 0.75.
        var departments = scorecard["departments"]!.AsArray().ToDictionary(item => item!["code"]!.GetValue<string>(), item => item!);
        Assert.Equal((1, 1, 1m), Figures(departments[sales]));
        Assert.Equal((1, 2, 0.75m), Figures(departments[finance]));
        var partnership = scorecard["partnerships"]!.AsArray().Single(pair => pair!["a"]!.GetValue<string>() == finance && pair["b"]!.GetValue<string>() == sales)!;
        Assert.Equal(1, partnership["sharedProjects"]!.GetValue<int>());

        using var forbidden = await employee.GetAsync($"/api/alignment/scorecard?period={period}");
        await forbidden.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Edits_honour_if_match_and_bad_alignment_input_gets_a_clear_problem()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var marker = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var department = $"D{marker}";
        var lead = await flow.SignInAsync($"lead.{marker}@example.com", department);
        await lead.GetJsonAsync("/api/people/me");
        var created = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(lead, "/api/projects", Project($"Edited {marker}", department, [], 10m));
        var url = $"/api/projects/{Id(created)}";

        using var edit = await SendWithIfMatchAsync(lead, url, Project($"Edited again {marker}", department, [], 20m), "\"1\"");
        using var stale = await SendWithIfMatchAsync(lead, url, Project($"Lost update {marker}", department, [], 30m), "\"1\"");
        using var unknownDepartment = await lead.PostAsJsonAsync("/api/projects", Project($"Nowhere {marker}", $"X{marker}", [], 1m));
        using var unknownObjective = await lead.PutAsJsonAsync($"{url}/alignments/{Guid.NewGuid()}", new { contribution = "high", rationale = "Because" });
        using var badPeriod = await lead.GetAsync("/api/objectives?period=2026-H9");

        await edit.EnsureStatusAsync(HttpStatusCode.OK);
        await stale.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        await unknownDepartment.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await unknownDepartment.ReadJsonAsync())["errors"]!["sponsorDepartment"]);
        await unknownObjective.EnsureStatusAsync(HttpStatusCode.NotFound);
        await badPeriod.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"Edited again {marker}", (await lead.GetJsonAsync(url))["name"]!.GetValue<string>());
    }

    private static object Project(string name, string sponsor, string[] partners, decimal planned) => new
    {
        name,
        description = "Through the gateway",
        sponsorDepartment = sponsor,
        partnerDepartments = partners,
        tags = new[] { "analytics" },
        budget = new { planned, actual = 0m, currency = "EUR" },
        startDate = "2099-01-01",
        endDate = "2099-06-30",
        status = "active",
    };

    private static async Task<HttpResponseMessage> SendWithIfMatchAsync(HttpClient client, string url, object body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    private static (int, int, decimal) Figures(JsonNode department) => (
        department["objectives"]!.GetValue<int>(),
        department["projects"]!.GetValue<int>(),
        department["alignedShare"]!.GetValue<decimal>());

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    private static List<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(item => Id(item!)).ToList();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Alignment_journeys_standalone(StandaloneHubFixture fixture) : AlignmentJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Alignment_journeys_distributed(DistributedHubFixture fixture) : AlignmentJourneys(fixture);
