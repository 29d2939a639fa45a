using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// The executive's alignment work in the browser, each step through a form: an objective with two
/// owning departments and a key result, a project that serves it, a status report, a check-in and an
/// edited key result, each reflected on the scorecard and in the change logs; a project lead's team
/// work; and an edit that someone else's save overtook.
/// </summary>
[Collection(WebHub.Collection)]
public sealed class AlignmentJourneys(WebHub hub)
{
    [Fact]
    public async Task An_executive_sets_an_objective_aligns_a_project_reports_status_and_checks_in()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        foreach (var (code, name) in new[] { ("OPS", "Operations"), ("FIN", "Finance") })
        {
            await admin.PutJsonAsync($"/api/departments/{code}", new { name }, HttpStatusCode.OK);
        }

        // The forms below need Alignment to know both departments; it learns them from events.
        await admin.CreateOnceDepartmentsAreKnownAsync("/api/objectives", new
        {
            title = "Close the books in three days",
            description = "Month-end close",
            department = "FIN",
            ownerDepartments = new[] { "FIN", "OPS" },
            period = Period,
            priority = 3,
            keyResults = new[] { new { title = "Days to close", baseline = 8m, target = 3m, current = 8m, unit = "days" } },
        });
        var page = await hub.NewPageAsync();
        await page.SignInAsync("olga.exec@example.com", "Olga Exec", "OPS", executive: true);

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Objectives" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Close the books in three days" })).ToBeVisibleAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "objectives");
        await page.GetByRole(AriaRole.Link, new() { Name = "New objective" }).ClickAsync();
        await page.GetByLabel("Description").FillAsync("Incidents cost us a day each");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create objective" }).ClickAsync();
        await Assertions.Expect(page.Locator("[id='title-error']")).ToContainTextAsync("title");
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveValueAsync("Incidents cost us a day each");
        await page.CheckPageAtBothWidthsAsync(hub, "objective-new");
        await page.GetByLabel("Title").FillAsync("Cut incident resolution time");
        await page.GetByLabel("Department (code)").FillAsync("OPS");
        await page.GetByLabel("Other owning departments").FillAsync("FIN");
        await page.GetByLabel("Priority").FillAsync("2");
        await page.GetByLabel("What is measured").FillAsync("Mean hours to resolve");
        await page.GetByLabel("Baseline").FillAsync("10");
        await page.GetByLabel("Target").FillAsync("2");
        await page.GetByLabel("Current value").FillAsync("10");
        await page.GetByLabel("Unit").FillAsync("hours");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create objective" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cut incident resolution time", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Owned by OPS, FIN")).ToBeVisibleAsync();
        var objectiveUrl = page.Url;
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Scorecard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Objectives no project supports" })).ToContainTextAsync("Cut incident resolution time");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Key results" }).GetByLabel("Mean hours to resolve: 10 hours, target 2 (from 10), 0%")).ToBeVisibleAsync();

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New project" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Self-healing runbooks");
        await page.GetByLabel("Description").FillAsync("Runbooks that fix the top incidents");
        await page.GetByLabel("Sponsor department").FillAsync("OPS");
        await page.GetByLabel("Partner departments").FillAsync("FIN");
        await page.GetByLabel("Planned").FillAsync("80000");
        await page.CheckPageAtBothWidthsAsync(hub, "project-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Self-healing runbooks", Level = 1 })).ToBeVisibleAsync();
        var projectUrl = page.Url;
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Scorecard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Active projects serving no objective" })).ToContainTextAsync("Self-healing runbooks");
        var amberBefore = await AmberProjectsAsync(page);
        await page.GotoAsync(projectUrl);

        await page.GetByLabel("Objective", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Cut incident resolution time ({Period})" });
        await page.GetByLabel("Contribution").SelectOptionAsync("high");
        await page.GetByLabel("Why it serves the objective").FillAsync("Fixes the top incidents without waking anyone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Align" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The project now serves the objective.");
        var changes = page.GetByRole(AriaRole.Region, new() { Name = "Change log" });
        await Assertions.Expect(changes).ToContainTextAsync("serves objective Cut incident resolution time");

        await page.GetByLabel("amber", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Summary").FillAsync("Two runbooks live; paging noise still high");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report status" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Status reported.");
        await Assertions.Expect(page.Locator(".figure").Filter(new() { HasText = "Health" })).ToContainTextAsync("amber");
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "health" }).Filter(new() { HasText = "amber" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Health history, oldest first:" })).ToHaveAttributeAsync("aria-label", new Regex("amber$"));
        await page.CheckPageAtBothWidthsAsync(hub, "project");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cut incident resolution time" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Self-healing runbooks" })).ToContainTextAsync("high contribution");
        await page.GetByLabel("Value now").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Checked in.");
        await Assertions.Expect(page.GetByLabel("Mean hours to resolve: 6 hours, target 2 (from 10), 50%")).ToHaveAttributeAsync("value", "50");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Mean hours to resolve, progress at each check-in:" })).ToHaveAttributeAsync("aria-label", new Regex("0%, .* 50%$"));
        var objectiveChanges = page.GetByRole(AriaRole.Region, new() { Name = "Change log" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "key result Mean hours to resolve current" }).First;
        await Assertions.Expect(objectiveChanges.GetByRole(AriaRole.Cell)).ToHaveTextAsync([new Regex(@"^\d{4}-\d\d-\d\d$"), new("key result Mean hours to resolve current"), new("^10$"), new("^6$"), new("Olga Exec")]);

        // The target moves from 2 to 5 hours in the edit form: progress is measured against it, with no new check-in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit objective" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Key result: Mean hours to resolve" }).GetByLabel("Target").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(objectiveUrl);
        await Assertions.Expect(page.GetByLabel("Mean hours to resolve: 6 hours, target 5 (from 10), 80%")).ToHaveAttributeAsync("value", "80");
        var targetChange = page.GetByRole(AriaRole.Region, new() { Name = "Change log" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "key result Mean hours to resolve target" }).First;
        await Assertions.Expect(targetChange.GetByRole(AriaRole.Cell)).ToHaveTextAsync([new Regex(@"^\d{4}-\d\d-\d\d$"), new("key result Mean hours to resolve target"), new("^2$"), new("^5$"), new("Olga Exec")]);
        await Assertions.Expect(objectiveChanges.GetByRole(AriaRole.Cell)).ToHaveTextAsync([new Regex(@"^\d{4}-\d\d-\d\d$"), new("key result Mean hours to resolve current"), new("^10$"), new("^6$"), new("Olga Exec")]);
        await page.CheckPageAtBothWidthsAsync(hub, "objective");

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Scorecard" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Key results" }).GetByLabel("Mean hours to resolve: 6 hours, target 5 (from 10), 80%")).ToBeVisibleAsync();
        Assert.Equal(amberBefore + 1, await AmberProjectsAsync(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Active projects serving no objective" })).Not.ToContainTextAsync("Self-healing runbooks");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Objectives no project supports" })).Not.ToContainTextAsync("Cut incident resolution time");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Objectives no project supports" })).ToContainTextAsync("Close the books in three days");
        await page.CheckPageAtBothWidthsAsync(hub, "scorecard-aligned");
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Projects" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Self-healing runbooks" })).ToContainTextAsync("amber");
        await page.CheckPageAtBothWidthsAsync(hub, "projects");
    }

    [Fact]
    public async Task A_project_lead_edits_the_project_and_its_team_a_member_confirms_and_leaves_and_an_executive_ends_an_alignment_and_edits_the_objective_s_owners_and_key_results()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        foreach (var (code, name) in new[] { ("HR", "People"), ("LEG", "Legal") })
        {
            await admin.PutJsonAsync($"/api/departments/{code}", new { name }, HttpStatusCode.OK);
        }

        // The teammate signs in first, so the hub knows them by the time the lead adds them.
        using var teammate = await hub.SignInAsync("tom.team@example.com", "Tom Team", "HR");
        var objective = await admin.CreateOnceDepartmentsAreKnownAsync("/api/objectives", new
        {
            title = "Halve onboarding time",
            description = "New joiners productive in a week",
            department = "HR",
            period = Period,
            priority = 2,
            keyResults = new[] { new { title = "Days to first commit", baseline = 10m, target = 5m, current = 10m, unit = "days" } },
        });
        using var lead = await hub.SignInAsync("paula.lead@example.com", "Paula Lead", "HR");
        var project = await lead.CreateOnceDepartmentsAreKnownAsync("/api/projects", new
        {
            name = "Onboarding buddies",
            description = "A buddy for every new joiner",
            sponsorDepartment = "HR",
            budget = new { planned = 20000m, actual = 0m, currency = "EUR" },
            startDate = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            endDate = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd"),
            status = "active",
        });
        await lead.PutJsonAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}", new { contribution = "high", rationale = "Buddies answer the first week's questions" }, HttpStatusCode.OK);

        var page = await hub.NewPageAsync();
        await page.SignInAsync("paula.lead@example.com", "Paula Lead", "HR");
        await page.GotoAsync($"/projects/{project.Id()}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit project" }).ClickAsync();
        await page.GetByLabel("Planned").FillAsync("35000");
        await page.GetByLabel("Currency").FillAsync("EURO");
        await page.GetByLabel("Status").SelectOptionAsync("on-hold");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save project" }).ClickAsync();
        await Assertions.Expect(page.Locator("[id='budget.currency-error']")).ToContainTextAsync("budget.currency");
        await Assertions.Expect(page.GetByLabel("Planned")).ToHaveValueAsync("35000");
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("on-hold");
        await page.CheckPageAtBothWidthsAsync(hub, "project-edit");
        await page.GetByLabel("Currency").FillAsync("EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save project" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Onboarding buddies", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".figure").Filter(new() { HasText = "Status" })).ToContainTextAsync("on-hold");
        await Assertions.Expect(page.Locator(".figure").Filter(new() { HasText = "Budget" })).ToContainTextAsync("35,000 EUR");
        var changes = page.GetByRole(AriaRole.Region, new() { Name = "Change log" });
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "on-hold" })).ToHaveCountAsync(1);

        var team = page.GetByRole(AriaRole.Region, new() { Name = "Team" });
        await page.GetByLabel("Member's e-mail").FillAsync("tom.team@example.com");
        await page.GetByLabel("Role").SelectOptionAsync("developer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tom Team is on the project as developer; it counts once they confirm it.");
        await Assertions.Expect(team.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Tom Team" })).ToContainTextAsync("developer · not confirmed yet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop serving Halve onboarding time" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The project no longer serves Halve onboarding time.");
        await Assertions.Expect(page.GetByText("This project serves no objective yet.")).ToBeVisibleAsync();

        var member = await hub.NewPageAsync();
        await member.SignInAsync("tom.team@example.com", "Tom Team", "HR");
        await member.GotoAsync($"/projects/{project.Id()}");
        await member.GetByRole(AriaRole.Button, new() { Name = "Confirm my membership" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("You confirmed your membership: it now counts as evidence of your expertise.");
        await Assertions.Expect(member.GetByRole(AriaRole.Region, new() { Name = "Team" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Tom Team" })).ToContainTextAsync("developer · confirmed");
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Confirm my membership" })).ToHaveCountAsync(0);
        await member.CheckPageAtBothWidthsAsync(hub, "project-member");

        await page.GotoAsync($"/projects/{project.Id()}");
        await page.GetByLabel("Role of Tom Team", new() { Exact = true }).SelectOptionAsync("architect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change role of Tom Team" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tom Team is now architect on the project.");
        await Assertions.Expect(team.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Tom Team" })).ToContainTextAsync("architect · confirmed");
        await Assertions.Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "member Tom Team" }).Filter(new() { HasText = "architect" })).ToHaveCountAsync(1);
        await page.CheckPageAtBothWidthsAsync(hub, "project-team");

        await member.GotoAsync($"/projects/{project.Id()}");
        await member.GetByRole(AriaRole.Button, new() { Name = "Leave the project" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are no longer on the project.");
        await Assertions.Expect(member.GetByRole(AriaRole.Region, new() { Name = "Team" })).Not.ToContainTextAsync("Tom Team");
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Leave the project" })).ToHaveCountAsync(0);

        // Aligned again, the project stops serving the objective from the objective's own page this time.
        await lead.PutJsonAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}", new { contribution = "medium", rationale = "Buddies again" }, HttpStatusCode.OK);

        var executive = await hub.NewPageAsync();
        await executive.SignInAsync("ed.exec@example.com", "Ed Exec", "LEG", executive: true);
        await executive.GotoAsync($"/objectives/{objective.Id()}");
        await executive.GetByRole(AriaRole.Button, new() { Name = "Stop serving: Onboarding buddies" }).ClickAsync();
        await Assertions.Expect(executive.GetByRole(AriaRole.Status)).ToHaveTextAsync("Onboarding buddies no longer serves this objective.");
        await Assertions.Expect(executive.GetByText("No project supports this objective yet.")).ToBeVisibleAsync();

        await executive.GetByRole(AriaRole.Link, new() { Name = "Edit objective" }).ClickAsync();
        await executive.GetByLabel("Title").FillAsync("");
        await executive.GetByLabel("Other owning departments").FillAsync("LEG");
        var added = executive.GetByRole(AriaRole.Group, new() { Name = "Add a key result (optional)" });
        await added.GetByLabel("What is measured").FillAsync("Joiners with a buddy on day one");
        await executive.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();
        await Assertions.Expect(executive.Locator("[id='title-error']")).ToContainTextAsync("title");
        await Assertions.Expect(executive.GetByLabel("Other owning departments")).ToHaveValueAsync("LEG");
        await Assertions.Expect(added.GetByLabel("What is measured")).ToHaveValueAsync("Joiners with a buddy on day one");
        await Assertions.Expect(added.Locator("[id='kr1-baseline-error']")).ToContainTextAsync("keyResults[1].baseline");
        await Assertions.Expect(added.GetByLabel("Baseline")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(added.GetByLabel("What is measured")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await executive.CheckPageAtBothWidthsAsync(hub, "objective-edit");
        await added.GetByLabel("Baseline").FillAsync("20");
        await added.GetByLabel("Target").FillAsync("100");
        await added.GetByLabel("Unit").FillAsync("%");
        await added.GetByLabel("Its own owners").FillAsync("tom.team@example.com");
        await executive.GetByRole(AriaRole.Group, new() { Name = "Key result: Days to first commit" }).GetByLabel("What is measured").FillAsync("Days to first merged change");
        await executive.GetByLabel("Title").FillAsync("Onboard new joiners in a week");
        await executive.GetByLabel("Owners (e-mails").FillAsync("nobody@example.com");
        await executive.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();
        await Assertions.Expect(executive.Locator("[id='owners-error']")).ToContainTextAsync("nobody@example.com");
        await Assertions.Expect(executive.GetByLabel("Title")).ToHaveValueAsync("Onboard new joiners in a week");
        await executive.GetByLabel("Owners (e-mails").FillAsync("tom.team@example.com");
        await executive.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();
        await Assertions.Expect(executive.GetByRole(AriaRole.Heading, new() { Name = "Onboard new joiners in a week", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(executive.GetByText("Owned by HR, LEG")).ToBeVisibleAsync();
        await Assertions.Expect(executive.GetByLabel("Days to first merged change: 10 days, target 5 (from 10), 0%")).ToBeVisibleAsync();
        await Assertions.Expect(executive.GetByLabel("Joiners with a buddy on day one: 20 %, target 100 (from 20), 0%")).ToBeVisibleAsync();
        var objectiveChanges = executive.GetByRole(AriaRole.Region, new() { Name = "Change log" });
        await Assertions.Expect(objectiveChanges).ToContainTextAsync("Onboard new joiners in a week");
        await Assertions.Expect(objectiveChanges.GetByRole(AriaRole.Row).Filter(new() { HasText = "owners" }).Filter(new() { HasText = "Tom Team" })).ToHaveCountAsync(1);
        await Assertions.Expect(objectiveChanges.GetByRole(AriaRole.Row).Filter(new() { HasText = "key result Days to first merged change title" }).First.GetByRole(AriaRole.Cell))
            .ToHaveTextAsync([new Regex(@"^\d{4}-\d\d-\d\d$"), new("key result Days to first merged change title"), new("^Days to first commit$"), new("^Days to first merged change$"), new("Ed Exec")]);

        // A key result removed in the form goes; the one added keeps its own owner.
        await executive.GetByRole(AriaRole.Link, new() { Name = "Edit objective" }).ClickAsync();
        await Assertions.Expect(executive.GetByRole(AriaRole.Group, new() { Name = "Key result: Joiners with a buddy on day one" }).GetByLabel("Its own owners")).ToHaveValueAsync("tom.team@example.com");
        await executive.GetByRole(AriaRole.Group, new() { Name = "Key result: Days to first merged change" }).GetByLabel("Remove this key result").CheckAsync();
        await executive.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();
        await Assertions.Expect(executive.GetByRole(AriaRole.Heading, new() { Name = "Onboard new joiners in a week", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(executive.Locator(".kr")).ToHaveCountAsync(1);
        await Assertions.Expect(executive.Locator(".kr")).ToContainTextAsync("Joiners with a buddy on day one");
    }

    [Fact]
    public async Task An_objective_someone_else_saved_since_the_form_opened_is_not_overwritten_and_the_form_says_so()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        await admin.PutJsonAsync("/api/departments/SUP", new { name = "Support" }, HttpStatusCode.OK);
        var objective = await admin.CreateOnceDepartmentsAreKnownAsync("/api/objectives", new
        {
            title = "Answer every customer within a day",
            description = "Support backlog",
            department = "SUP",
            period = Period,
            priority = 2,
            keyResults = new[] { new { title = "Hours to first answer", baseline = 40m, target = 24m, current = 40m, unit = "hours" } },
        });
        var first = await hub.NewPageAsync();
        await first.SignInAsync("ed.exec@example.com", "Ed Exec", "LEG", executive: true);
        var second = await hub.NewPageAsync();
        await second.SignInAsync("olga.exec@example.com", "Olga Exec", "OPS", executive: true);
        await first.GotoAsync($"/objectives/{objective.Id()}/edit");
        await second.GotoAsync($"/objectives/{objective.Id()}/edit");

        await second.GetByLabel("Title").FillAsync("Answer every customer within four hours");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Answer every customer within four hours", Level = 1 })).ToBeVisibleAsync();
        await first.GetByRole(AriaRole.Group, new() { Name = "Key result: Hours to first answer" }).GetByLabel("Target").FillAsync("8");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save objective" }).ClickAsync();

        await Assertions.Expect(first.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Someone changed this objective since you opened it. Open it again to see their change, then edit.");
        await Assertions.Expect(first.GetByRole(AriaRole.Group, new() { Name = "Key result: Hours to first answer" }).GetByLabel("Target")).ToHaveValueAsync("8");
        await first.CheckPageAtBothWidthsAsync(hub, "objective-edit-changed");
        var stored = await admin.GetJsonAsync($"/api/objectives/{objective.Id()}");
        Assert.Equal("Answer every customer within four hours", stored["title"]!.GetValue<string>());
        Assert.Equal(24m, stored["keyResults"]![0]!["target"]!.GetValue<decimal>());
    }

    /// <summary>How many active projects the scorecard shows as amber (other journeys' projects share the hub).</summary>
    private static async Task<int> AmberProjectsAsync(IPage page)
    {
        var health = await page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Project health:") }).GetAttributeAsync("aria-label");
        return int.Parse(Regex.Match(health!, @"(\d+) amber").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Period => $"{DateTime.UtcNow.Year}-H{(DateTime.UtcNow.Month <= 6 ? 1 : 2)}";
}
