using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// The demo organisation behind <c>Demo:Seed</c>, on a hub of its own (it would change the journeys' figures),
/// seen in the web hub's browser at the end.
/// </summary>
[Collection(WebHub.Collection)]
public sealed class DemoOrganisationTests(WebHub web)
{
    [Fact]
    public async Task The_demo_switch_loads_people_communities_a_scorecard_with_unaligned_projects_and_a_partnership_history()
    {
        var dataPath = Directory.CreateTempSubdirectory("kh-demo-").FullName;
        try
        {
            await using var hub = WebHub.StartHub(dataPath, ("Demo__Seed", "true"));
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            using var visitor = await ApiCaller.SignInAsync(hub.Url, "visitor@example.com", "Visitor", "IT", "executive");

            // Projects come last, so a scorecard with both unaligned ones means the whole demo loaded.
            var scorecard = await Eventually.GetAsync(
                async () =>
                {
                    var card = await visitor.GetJsonAsync("/api/alignment/scorecard");
                    return card["projects"]!["unaligned"]!.AsArray().Count == 2 ? card : null;
                },
                TimeSpan.FromSeconds(60),
                "the demo organisation to load");

            Assert.Equal(["Intranet redesign", "Office badge readers"], Names(scorecard["projects"]!["unaligned"]!, "name").Order());
            Assert.Equal(4, scorecard["objectives"]!["total"]!.GetValue<int>());
            var communities = await visitor.GetJsonAsync("/api/communities?limit=100");
            Assert.Equal(
                ["Ask Across the House", "Customer Insight Circle", "Data & Analytics Guild", "Platform Engineering", "Security Champions"],
                Names(communities["items"]!, "name").Order());
            var people = await visitor.GetJsonAsync("/api/people?department=IT&limit=100");
            Assert.Contains("Ada Lovelace", Names(people["items"]!, "displayName"));
            var question = await visitor.GetJsonAsync("/api/search?q=memory%20limits&type=post");
            Assert.Contains("How do we size memory limits for .NET services on Kubernetes?", Names(question["items"]!, "title"));

            // Six months of imported answers (DemoHistory): Legal answers Operations 12 times, 6 accepted (12 + 6 × 2 = 24), never
            // the other way; Procurement gives 24 inside and 1 to Operations (96 % inside), and shares a project with Finance in silence.
            var matrix = await Eventually.GetAsync(
                async () =>
                {
                    var figures = await visitor.GetJsonAsync("/api/partnerships/matrix");
                    return figures["pairs"]!.AsArray().Any(pair => Text(pair!, "a") == "LEGAL" && Text(pair!, "b") == "OPS" && pair!["helpAtoB"]!.GetValue<double>() == 24)
                        ? figures : null;
                },
                TimeSpan.FromSeconds(60),
                "the demo's partnership history to be counted");
            var legalAndOperations = matrix["pairs"]!.AsArray().Single(pair => Text(pair!, "a") == "LEGAL" && Text(pair!, "b") == "OPS")!;
            Assert.Equal(0, legalAndOperations["helpBtoA"]!.GetValue<double>());
            Assert.True(matrix["pairs"]!.AsArray().Count(pair => pair!["trend"]!.AsArray().Count(point => point!["health"]!.GetValue<double>() > 0) >= 6) >= 4, "several pairs have six months of history");

            // What a newcomer sees: the executive page and a depth-2 systems map, populated.
            var page = await web.NewPageAsync(hub.Url);
            await page.SignInAsync("erin.exec@demo.example", "Erin Executive", "FIN", executive: true);
            await page.GotoAsync("/partnerships");
            var silos = page.GetByRole(AriaRole.Region, new() { Name = "Silos" });
            await Assertions.Expect(silos).ToContainTextAsync("Procurement (PROC) keeps 96% of the help it gives inside.");
            await Assertions.Expect(silos).ToContainTextAsync("Finance (FIN) and Procurement (PROC): They share");
            var oneSided = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Legal (LEGAL) and Operations (OPS)" }) });
            await Assertions.Expect(oneSided.GetByRole(AriaRole.Cell)).ToContainTextAsync(["24", "0", "0% (one-sided)"]);
            await page.CheckPageAsync(web, "demo-partnerships");
            await page.GotoAsync("/systems-map?focus=department:DATA&depth=2");
            await Assertions.Expect(page.GetByRole(AriaRole.Application, new() { NameRegex = new("^Map around Data") }).Locator("canvas").First).ToBeAttachedAsync();
            await page.CheckPageAsync(web, "demo-systems-map");
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();

    private static IEnumerable<string> Names(JsonNode list, string field) =>
        list.AsArray().Select(item => item![field]!.GetValue<string>());
}
