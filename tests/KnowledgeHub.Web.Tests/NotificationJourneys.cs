using System.Net;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// Knowledge that reaches people without them looking, in headless Chromium: the header's bell
/// counts live, the notifications page lists and marks read, preferences and follows are saved.
/// </summary>
[Collection(WebHub.Collection)]
public sealed class NotificationJourneys(WebHub hub)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    // Routing a question and telling people of it go through several services' events.
    private static readonly LocatorAssertionsToBeVisibleOptions Arrives = new() { Timeout = (float)Settle.TotalMilliseconds };

    [Fact]
    public async Task An_expert_is_told_of_a_routed_question_answers_it_and_the_asker_is_told()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        await admin.PutJsonAsync("/api/skills/Terraform", new { aliases = Array.Empty<string>(), category = "Platform" }, HttpStatusCode.OK);
        using var expert = await hub.SignInAsync("tara.terraform@example.com", "Tara Terraform", "OPS");
        await expert.PutJsonAsync("/api/people/me/skills/Terraform", new { level = 5 }, HttpStatusCode.OK);
        using var asker = await hub.SignInAsync("abe.asker@example.com", "Abe Asker", "FIN");
        var community = await asker.CreateOpenCommunityAsync("Infrastructure as Code", "Plans, state and modules.", "terraform");
        await expert.PostJsonAsync($"/api/communities/{community.Id()}/members", new { }, HttpStatusCode.OK);
        await Eventually.AssertAsync(
            async () => (await asker.GetJsonAsync("/api/experts?q=Terraform"))["items"]!.AsArray().Count > 0,
            Settle, "Tara to rank as a Terraform expert");
        var expertPage = await hub.NewPageAsync();
        await expertPage.SignInAsync("tara.terraform@example.com", "Tara Terraform", "OPS");
        await Assertions.Expect(expertPage.Bell(0)).ToBeVisibleAsync();
        var askerPage = await hub.NewPageAsync();
        await askerPage.SignInAsync("abe.asker@example.com", "Abe Asker", "FIN");

        var question = await asker.PostJsonAsync(
            $"/api/communities/{community.Id()}/posts",
            new { type = "question", title = "How do we keep Terraform state safe?", body = "Two teams apply at once.", tags = new[] { "terraform" } },
            HttpStatusCode.Created);

        await Assertions.Expect(expertPage.Bell(1)).ToBeVisibleAsync(Arrives);
        await expertPage.Bell(1).ClickAsync();
        var routed = expertPage.Locator($".notifications li.unread a[href*='{question.Id()}']");
        await Assertions.Expect(routed).ToBeVisibleAsync();
        await expertPage.CheckPageAtBothWidthsAsync(hub, "notifications");
        await routed.ClickAsync();
        await Assertions.Expect(expertPage.GetByRole(AriaRole.Heading, new() { Name = "How do we keep Terraform state safe?", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(expertPage.Bell(0)).ToBeVisibleAsync();
        await expertPage.GetByRole(AriaRole.Button, new() { Name = "Follow this community" }).ClickAsync();
        await Assertions.Expect(expertPage.GetByRole(AriaRole.Button, new() { Name = "Follow this community", Pressed = true })).ToBeVisibleAsync();
        await expertPage.GetByLabel("Answer (Markdown)").FillAsync("Keep state in a **locked** remote backend.");
        await expertPage.GetByRole(AriaRole.Button, new() { Name = "Post answer" }).ClickAsync();
        await Assertions.Expect(expertPage.GetByRole(AriaRole.Heading, new() { Name = "1 answer" })).ToBeVisibleAsync();

        await Assertions.Expect(askerPage.Bell(1)).ToBeVisibleAsync(Arrives);
        await askerPage.Bell(1).ClickAsync();
        await Assertions.Expect(askerPage.GetByRole(AriaRole.Link, new() { Name = "New answer to your question: How do we keep Terraform state safe?" })).ToBeVisibleAsync();
        await Assertions.Expect(askerPage.Locator(".notifications li.unread")).ToContainTextAsync("Tara Terraform");
        await askerPage.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await Assertions.Expect(askerPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("All your notifications are marked read.");
        await Assertions.Expect(askerPage.Bell(0)).ToBeVisibleAsync();
        await Assertions.Expect(askerPage.Locator(".notifications li.unread")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_person_chooses_which_notifications_reach_them_by_e_mail()
    {
        var page = await hub.NewPageAsync();
        await page.SignInAsync("pia.prefs@example.com", "Pia Prefs", "HR");

        await page.GotoAsync("/notifications/preferences");
        await page.GetByLabel("E-mail digest").SelectOptionAsync("weekly");
        await page.GetByLabel("Time zone of your digest").FillAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Group, new() { Name = "E-mail me at once when" }).GetByLabel("An answer on my question").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Never notify me when" }).GetByLabel("Activity on what I follow").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your preferences are saved.");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("E-mail digest")).ToHaveValueAsync("weekly");
        await Assertions.Expect(page.GetByLabel("Time zone of your digest")).ToHaveValueAsync("Europe/Berlin");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "E-mail me at once when" }).GetByLabel("An answer on my question")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Never notify me when" }).GetByLabel("Activity on what I follow")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Never notify me when" }).GetByLabel("An answer on my question")).Not.ToBeCheckedAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "notification-preferences");
    }
}
