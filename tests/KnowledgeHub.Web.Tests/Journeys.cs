using System.Net;
using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// The main journey of each kind of user, in headless Chromium against a standalone hub: what
/// they click and what they see, with a screenshot and an accessibility check of each main page.
/// </summary>
[Collection(WebHub.Collection)]
public sealed class Journeys(WebHub hub)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_employee_finds_an_expert_for_a_skill_and_endorses_them()
    {
        using var expert = await hub.SignInAsync("grace.kube@example.com", "Grace Kube", "OPS");
        await expert.PutJsonAsync("/api/people/me/skills/Kubernetes", new { level = 5 }, HttpStatusCode.OK);
        await Eventually.AssertAsync(
            async () => (await expert.GetJsonAsync("/api/experts?q=Kubernetes"))["items"]!.AsArray().Count > 0,
            Settle, "Grace to rank as a Kubernetes expert");
        var page = await hub.NewPageAsync();

        await Eventually.AssertAsync(
            async () => (await expert.GetJsonAsync("/api/search?q=Grace"))["total"]!.GetValue<int>() > 0,
            Settle, "Grace to be searchable");
        await page.SignInAsync("eve.employee@example.com", "Eve Employee", "SALES");
        await page.CheckPageAsync(hub, "home");
        var search = page.GetByRole(AriaRole.Search).GetByLabel("Search the hub");
        await search.PressSequentiallyAsync("Grac");
        await Assertions.Expect(page.Locator("#site-search-suggestions option[value='Grace Kube']")).ToHaveCountAsync(1);
        await search.PressAsync("Enter");
        var people = page.GetByRole(AriaRole.Region, new() { Name = "People" });
        await Assertions.Expect(people.GetByRole(AriaRole.Link, new() { Name = "Grace Kube" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Narrow the results" })).ToContainTextAsync("person (1)");
        await Assertions.Expect(search).ToHaveValueAsync("Grac");
        await page.CheckPageAsync(hub, "search");
        await page.GotoAsync("/communities?q=kubernetes");
        await Assertions.Expect(search).ToHaveValueAsync("");
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Find an expert" }).ClickAsync();
        await page.GetByLabel("Skill or topic").FillAsync("Kubernetes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        var result = page.Locator("li.expert").Filter(new() { HasText = "Grace Kube" });
        await Assertions.Expect(result).ToContainTextAsync("declares Kubernetes");
        await Assertions.Expect(result.GetByRole(AriaRole.Link, new() { Name = "Ask Grace Kube by e-mail" }))
            .ToHaveAttributeAsync("href", new Regex("^mailto:grace\\.kube@example\\.com\\?subject=A%20question%20about%20Kubernetes&"));
        await page.CheckPageAsync(hub, "experts");
        await page.GetByLabel("Open to mentoring or consulting").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No one with evidence for “Kubernetes” who is open to mentoring or consulting yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Open to mentoring or consulting")).ToBeCheckedAsync();
        await page.GetByLabel("Open to mentoring or consulting").UncheckAsync();
        await page.GetByLabel("Nearby: the department first (yours unless chosen), others after").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("declares Kubernetes");
        await result.GetByRole(AriaRole.Link, new() { Name = "Grace Kube", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grace Kube", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Skill", new() { Exact = true }).SelectOptionAsync("Kubernetes");
        await page.GetByLabel("Comment (optional)").FillAsync("Rescued our cluster upgrade");
        await page.GetByRole(AriaRole.Button, new() { Name = "Endorse" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You endorsed Grace Kube for Kubernetes.");
        await Assertions.Expect(page.Locator(".skills li").Filter(new() { HasText = "Kubernetes" })).ToContainTextAsync("1 endorsement");
        await page.CheckPageAsync(hub, "person");
    }

    [Fact]
    public async Task A_lead_creates_a_community_approves_one_request_declines_another_and_posts_and_edits_an_event()
    {
        var page = await hub.NewPageAsync();
        await page.SignInAsync("lena.lead@example.com", "Lena Lead", "IT");

        await page.GotoAsync("/communities/new");
        await page.GetByLabel("Name").FillAsync("Platform Engineering Guild");
        await page.GetByLabel("Description").FillAsync("Paved roads, golden paths and the people who build them.");
        await page.GetByLabel("Tags (comma-separated)").FillAsync("platform, kubernetes");
        await page.GetByLabel("Closed: a lead approves each member").CheckAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "community-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Platform Engineering Guild", Level = 1 })).ToBeVisibleAsync();

        var slug = new Uri(page.Url).AbsolutePath.Split('/').Last();
        using var newcomer = await hub.SignInAsync("nico.newcomer@example.com", "Nico Newcomer", "FIN");
        var community = await newcomer.GetJsonAsync($"/api/communities/{slug}");
        var join = await newcomer.PostJsonAsync($"/api/communities/{community.Id()}/members", new { }, HttpStatusCode.OK);
        Assert.Equal("pending", join["status"]!.GetValue<string>());
        using var stranger = await hub.SignInAsync("dora.decline@example.com", "Dora Decline", "HR");
        await stranger.PostJsonAsync($"/api/communities/{community.Id()}/members", new { }, HttpStatusCode.OK);

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve Nico Newcomer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Nico Newcomer is now a member.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline Dora Decline" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Dora Decline's request is declined.");
        await Assertions.Expect(page.GetByText("2 members")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Waiting for approval" })).ToHaveCountAsync(0);
        await page.CheckPageAtBothWidthsAsync(hub, "community");

        await page.GetByRole(AriaRole.Link, new() { Name = "Write a post" }).ClickAsync();
        // The community page has a "Kind" filter too: choose only once the form has replaced it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Write a post"), Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("event");
        await page.GetByLabel("Title").FillAsync("Golden path demo day");
        await page.GetByLabel("Text (Markdown)").FillAsync("Bring a **service** you want on the paved road.");
        await page.GetByLabel("Starts (UTC)").FillAsync("2099-03-14T15:00");
        await page.GetByLabel("Location").FillAsync("Room 4.12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview .post-body strong")).ToHaveTextAsync("service");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Golden path demo day");
        await page.CheckPageAtBothWidthsAsync(hub, "post-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Golden path demo day", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("starts 2099-03-14 15:00 UTC")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".post-body strong")).ToHaveTextAsync("service");
        await page.CheckPageAtBothWidthsAsync(hub, "post");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit post" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Golden path demo day");
        await page.GetByLabel("Title").FillAsync("Golden path demo day: bring a service");
        await page.CheckPageAtBothWidthsAsync(hub, "post-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Golden path demo day: bring a service", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("starts 2099-03-14 15:00 UTC")).ToBeVisibleAsync();

        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin");
        await admin.PutJsonAsync("/api/departments/IT", new { name = "Information Technology" }, HttpStatusCode.OK);
        using var lead = await hub.SignInAsync("lena.lead@example.com", "Lena Lead", "IT");
        await Eventually.AssertAsync(
            async () => (await lead.GetJsonAsync("/api/search?q=paved&type=post"))["total"]!.GetValue<int>() > 0,
            Settle, "the event to be searchable");
        await page.GetByRole(AriaRole.Search).GetByLabel("Search the hub").FillAsync("paved");
        await page.GetByRole(AriaRole.Search).GetByLabel("Search the hub").PressAsync("Enter");
        var found = page.GetByRole(AriaRole.Region, new() { Name = "Posts" }).Locator("li").Filter(new() { HasText = "Golden path demo day" });
        await Assertions.Expect(found).ToContainTextAsync("Bring a service you want on the paved road.");
        await Assertions.Expect(found.Locator("mark")).ToHaveTextAsync("paved");
        await Assertions.Expect(found).ToContainTextAsync("Information Technology");
        await page.CheckPageAtBothWidthsAsync(hub, "search-post");
    }

    [Fact]
    public async Task An_executive_opens_the_scorecard_and_sees_an_unaligned_project()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        foreach (var (code, name) in new[] { ("MKT", "Marketing"), ("HR", "People") })
        {
            await admin.PutJsonAsync($"/api/departments/{code}", new { name }, HttpStatusCode.OK);
        }

        var now = DateTime.UtcNow;
        var objective = await admin.CreateOnceDepartmentsAreKnownAsync("/api/objectives", new
        {
            title = "Win the mid-market",
            description = "More customers between 50 and 500 staff",
            department = "MKT",
            period = $"{now.Year}-H{(now.Month <= 6 ? 1 : 2)}",
            priority = 1,
            keyResults = new[]
            {
                new { title = "New mid-market customers", baseline = 0m, target = 40m, current = 14m, unit = "customers" },
                new { title = "Days to onboard a customer", baseline = 10m, target = 4m, current = 7m, unit = "days" },
            },
        });
        var aligned = await admin.CreateOnceDepartmentsAreKnownAsync("/api/projects", Project("Campaign analytics", "MKT", ["HR"], 200_000m));
        await admin.PutJsonAsync($"/api/projects/{aligned.Id()}/alignments/{objective.Id()}", new { contribution = "high", rationale = "Finds the accounts" }, HttpStatusCode.OK);
        await admin.CreateOnceDepartmentsAreKnownAsync("/api/projects", Project("Intranet font refresh", "HR", ["MKT"], 50_000m));
        var page = await hub.NewPageAsync();

        await page.SignInAsync("erin.exec@example.com", "Erin Executive", "MKT", executive: true);
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Scorecard" }).ClickAsync();

        var unaligned = page.GetByRole(AriaRole.Region, new() { Name = "Active projects serving no objective" });
        await Assertions.Expect(unaligned.GetByRole(AriaRole.Link, new() { Name = "Intranet font refresh" })).ToBeVisibleAsync();
        await Assertions.Expect(unaligned).Not.ToContainTextAsync("Campaign analytics");
        // Other journeys share this hub and add projects of their own: the share shown is the API's for all of them.
        var share = (await admin.GetJsonAsync("/api/alignment/scorecard"))["budget"]!["alignedShare"]!.GetValue<decimal>();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex($"^{share * 100:0}% of the planned budget") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("HR");
        var keyResults = page.GetByRole(AriaRole.Region, new() { Name = "Key results" });
        await Assertions.Expect(keyResults.GetByLabel("New mid-market customers: 14 customers, target 40 (from 0), 35%")).ToHaveAttributeAsync("value", "35");
        await Assertions.Expect(keyResults.GetByLabel("Days to onboard a customer: 7 days, target 4 (from 10), 50%")).ToHaveAttributeAsync("value", "50");
        await page.CheckPageAtBothWidthsAsync(hub, "scorecard");
        await unaligned.GetByRole(AriaRole.Link, new() { Name = "Intranet font refresh" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This project serves no objective yet.")).ToBeVisibleAsync();
        await page.CheckPageAsync(hub, "project-unaligned");
    }

    [Fact]
    public async Task An_employee_edits_their_profile_and_adds_a_skill_with_a_level()
    {
        var page = await hub.NewPageAsync();
        await page.SignInAsync("paul.profile@example.com", "Paul Profile", "FIN");

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "My profile" }).ClickAsync();
        await page.GetByLabel("Job title").FillAsync("Financial Analyst");
        await page.GetByLabel("Mentoring").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your profile is saved.");
        await page.GetByLabel("Skill", new() { Exact = true }).FillAsync("Forecasting");
        await page.GetByLabel("Level").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add or change skill" }).ClickAsync();

        await Assertions.Expect(page.Locator(".skills li").Filter(new() { HasText = "Forecasting" })).ToContainTextAsync("level 4 of 5");
        await Assertions.Expect(page.GetByLabel("Job title")).ToHaveValueAsync("Financial Analyst");
        await Assertions.Expect(page.Locator("section[aria-labelledby=evidence-heading]")).ToContainTextAsync("Forecasting");
        await page.CheckPageAsync(hub, "profile");
    }

    [Fact]
    public async Task The_api_s_field_errors_appear_next_to_the_field()
    {
        var page = await hub.NewPageAsync();
        await page.SignInAsync("fred.fields@example.com", "Fred Fields", "IT");

        await page.GotoAsync("/communities/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create community" }).ClickAsync();

        var name = page.GetByLabel("Name");
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#name-error")).ToContainTextAsync("name");
        await page.CheckPageAsync(hub, "field-errors");
    }

    [Fact]
    public async Task An_unknown_address_shows_a_friendly_page_not_a_problem_document()
    {
        var page = await hub.NewPageAsync();

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the start page" })).ToBeVisibleAsync();

        await page.SignInAsync("una.unknown@example.com", "Una Unknown", "SALES");
        response = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Communities" })).ToBeVisibleAsync();
        await page.CheckPageAsync(hub, "not-found");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the start page" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
    }

    [Fact]
    public async Task An_employee_opening_the_scorecard_is_told_who_it_is_for_inside_the_layout()
    {
        var page = await hub.NewPageAsync();
        await page.SignInAsync("ed.employee@example.com", "Ed Employee", "SALES");

        var response = await page.GotoAsync("/scorecard");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot see this page" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The scorecard is for executives and administrators.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Forbidden", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.MainNavigation()).ToBeVisibleAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "scorecard-forbidden");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Ways on" }).GetByRole(AriaRole.Link, new() { Name = "Communities" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Communities of practice", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Pages_allow_only_the_hub_s_own_scripts_and_styles()
    {
        var page = await hub.NewPageAsync();

        var response = await page.GotoAsync("/signin");

        var policy = (await response!.AllHeadersAsync())["content-security-policy"];
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        await page.CheckPageAtBothWidthsAsync(hub, "signin");
    }

    private static object Project(string name, string sponsor, string[] partners, decimal planned) => new
    {
        name,
        description = "Created for the executive journey",
        sponsorDepartment = sponsor,
        partnerDepartments = partners,
        tags = new[] { "web" },
        budget = new { planned, actual = 0m, currency = "EUR" },
        startDate = $"{DateTime.UtcNow.Year}-01-01",
        endDate = $"{DateTime.UtcNow.Year}-12-31",
        status = "active",
    };
}
