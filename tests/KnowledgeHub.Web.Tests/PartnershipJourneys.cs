using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// How departments work together, in headless Chromium: the executive page over a history made
/// through the API, and what every signed-in person sees (introductions, the people who connect
/// departments, the systems map).
/// </summary>
[Collection(WebHub.Collection)]
public sealed class PartnershipJourneys(WebHub hub)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_executive_sees_the_departments_that_worked_together()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        await admin.PutJsonAsync("/api/departments/ANA", new { name = "Analytics" }, HttpStatusCode.OK);
        await admin.PutJsonAsync("/api/departments/BIL", new { name = "Billing" }, HttpStatusCode.OK);
        using var alice = await hub.SignInAsync("alice.analyst@example.com", "Alice Analyst", "ANA");
        using var bert = await hub.SignInAsync("bert.biller@example.com", "Bert Biller", "BIL");
        var community = await alice.CreateOpenCommunityAsync("Numbers people", "Data across the house.", "data");
        await bert.PostJsonAsync($"/api/communities/{community.Id()}/members", new { }, HttpStatusCode.OK);
        var question = await bert.PostJsonAsync(
            $"/api/communities/{community.Id()}/posts", new { type = "question", title = "How are invoices aged?", body = "Which buckets?", tags = new[] { "data" } }, HttpStatusCode.Created);
        var answer = await alice.PostJsonAsync($"/api/posts/{question.Id()}/answers", new { body = "By due date, in buckets of 30 days." }, HttpStatusCode.Created);
        await bert.PostJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = answer.Id() }, HttpStatusCode.OK);

        // An accepted answer is 1 + 2 = 3 from analytics to billing, nothing back: reciprocity 0, health 3/13 × 0.5 = 12%.
        await Eventually.AssertAsync(
            async () =>
            {
                var matrix = await admin.GetJsonAsync("/api/partnerships/matrix");
                return matrix["departments"]!.AsArray().Any(department => Text(department!, "name") == "Billing")
                    && matrix["pairs"]!.AsArray().Any(pair => Text(pair!, "a") == "ANA" && Text(pair!, "b") == "BIL" && pair!["helpAtoB"]!.GetValue<double>() == 3);
            },
            Settle, "the matrix to show analytics helping billing");
        var page = await hub.NewPageAsync();
        await page.SignInAsync("erin.exec@example.com", "Erin Executive", "MKT", executive: true);
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Partnerships" }).ClickAsync();

        var pair = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Analytics (ANA) and Billing (BIL)" }) });
        await Assertions.Expect(pair).ToContainTextAsync("12%");
        await Assertions.Expect(pair.GetByRole(AriaRole.Img, new() { NameRegex = new("^Health of ANA and BIL by month: .* 12%$") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Partnership health" })).ToContainTextAsync("12% health, 0% reciprocity");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "People who connect us", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Alice Analyst" })).ToBeVisibleAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "partnerships");

        // A period the API refuses is a message on its field, never an error page.
        await page.GetByLabel("From").FillAsync("2026-06-01");
        await page.GetByLabel("To").FillAsync("2026-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("From")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByText("'from' must not be after 'to'.")).ToBeVisibleAsync();
        await page.GetByLabel("From").FillAsync("2020-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByText("A period covers at most 5 years.")).ToBeVisibleAsync();
        await page.CheckPageAsync(hub, "partnerships-bad-period");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.GetByLabel("From").FillAsync(today.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("To").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(pair).ToContainTextAsync("12%");
        Assert.Contains($"from={today.AddMonths(-1):yyyy-MM-dd}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_meets_people_of_other_departments_and_reads_the_systems_map()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        await admin.PutJsonAsync("/api/skills/Kotlin", new { aliases = Array.Empty<string>(), category = "Languages" }, HttpStatusCode.OK);
        using var iris = await hub.SignInAsync("iris.intro@example.com", "Iris Intro", "LAB");
        using var omar = await hub.SignInAsync("omar.other@example.com", "Omar Other", "SHOP");
        await iris.PutJsonAsync("/api/people/me/skills/Kotlin", new { level = 3 }, HttpStatusCode.OK);
        await omar.PutJsonAsync("/api/people/me/skills/Kotlin", new { level = 4 }, HttpStatusCode.OK);
        await Eventually.AssertAsync(
            async () => (await iris.GetJsonAsync("/api/partnerships/introductions"))["items"]!.AsArray().Any(item => Text(item!["person"]!, "displayName") == "Omar Other"),
            Settle, "Omar to be suggested to Iris");
        var page = await hub.NewPageAsync();

        await page.SignInAsync("iris.intro@example.com", "Iris Intro", "LAB");
        var introductions = page.GetByRole(AriaRole.Region, new() { Name = "People you should meet" });
        await Assertions.Expect(introductions.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Omar Other" })).ToContainTextAsync("Also works with Kotlin");
        await page.CheckPageAtBothWidthsAsync(hub, "home-introductions");

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "People who connect us" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People who connect us", Level = 1 })).ToBeVisibleAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "people-who-connect-us");

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Systems map" }).ClickAsync();
        var nodes = page.GetByRole(AriaRole.Region, new() { Name = "What is on the map", Exact = true });
        await Assertions.Expect(nodes.GetByRole(AriaRole.Link, new() { Name = "Iris Intro", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Centre" })).ToHaveValueAsync("department:LAB");
        await page.CheckPageAtBothWidthsAsync(hub, "systems-map");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Centre" }).FillAsync("nothing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_systems_map_is_a_graph_that_the_keyboard_moves_round()
    {
        var page = await hub.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };
        await page.SignInAsync("gina.graph@example.com", "Gina Graph", "GRA");

        // Reached by enhanced navigation, which runs no script of the new page: the layout's script draws it.
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Systems map" }).ClickAsync();
        var graph = page.GetByRole(AriaRole.Application, new() { Name = "Map around GRA" });
        await Assertions.Expect(graph.Locator("canvas").First).ToBeAttachedAsync();
        await graph.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var selected = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(selected).ToHaveTextAsync("GRA, department, the centre, 1 link.");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(selected).ToHaveTextAsync("Gina Graph, person, 1 ring from the centre, 1 link. Press Enter to centre the map here.");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Centre" })).ToHaveValueAsync(new Regex("^person:"));
        var recentred = page.GetByRole(AriaRole.Application, new() { Name = "Map around Gina Graph" });
        await Assertions.Expect(recentred.Locator("canvas").First).ToBeAttachedAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "systems-map-graph");
        Assert.Empty(refused);
    }

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();
}
