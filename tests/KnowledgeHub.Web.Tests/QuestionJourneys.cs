using System.Net;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>An employee's question from the form to an accepted answer, with the experts the hub suggests on the way.</summary>
[Collection(WebHub.Collection)]
public sealed class QuestionJourneys(WebHub hub)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_employee_asks_a_question_sees_suggested_experts_gets_an_answer_and_accepts_it()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin", "executive");
        await admin.PutJsonAsync("/api/skills/PostgreSQL", new { aliases = new[] { "postgres" }, category = "Data" }, HttpStatusCode.OK);
        using var expert = await hub.SignInAsync("pia.postgres@example.com", "Pia Postgres", "OPS");
        await expert.PutJsonAsync("/api/people/me/skills/PostgreSQL", new { level = 5 }, HttpStatusCode.OK);
        var community = await expert.CreateOpenCommunityAsync("Database Guild", "Queries, plans and backups.", "postgresql");
        await Eventually.AssertAsync(
            async () => (await expert.GetJsonAsync("/api/experts?q=PostgreSQL"))["items"]!.AsArray().Count > 0,
            Settle, "Pia to rank as a PostgreSQL expert");
        var page = await hub.NewPageAsync();
        await page.SignInAsync("quinn.question@example.com", "Quinn Question", "SALES");

        await page.GotoAsync($"/communities/{community["slug"]!.GetValue<string>()}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a post" }).ClickAsync();
        // The community page has a "Kind" filter too: choose only once the form has replaced it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Write a post"), Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("question");
        await page.GetByLabel("Title").FillAsync("Why is my PostgreSQL query slow after an upgrade?");
        await page.GetByLabel("Text (Markdown)").FillAsync("The plan switched to a sequential scan.");
        await page.GetByLabel("Tags (comma-separated)").FillAsync("postgresql");
        await page.CheckPageAtBothWidthsAsync(hub, "question-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why is my PostgreSQL query slow after an upgrade?", Level = 1 })).ToBeVisibleAsync();
        var questionUrl = page.Url;

        // Suggestions arrive through events: the page shows them once Expertise has ranked the question.
        var suggested = page.GetByRole(AriaRole.Region, new() { Name = "People who could answer" });
        await Eventually.AssertAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await suggested.GetByRole(AriaRole.Link, new() { Name = "Pia Postgres", Exact = true }).CountAsync() == 1;
            },
            Settle, "Pia to be suggested on the question");
        await Assertions.Expect(suggested.GetByRole(AriaRole.Link, new() { Name = "Ask Pia Postgres by e-mail" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^mailto:pia\\.postgres@example\\.com\\?subject=Could%20you%20answer%3A%20Why%20is%20my%20PostgreSQL"));
        await page.CheckPageAtBothWidthsAsync(hub, "question");

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Your questions still waiting" }).GetByRole(AriaRole.Link, new() { Name = "Why is my PostgreSQL query slow after an upgrade?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Your communities" })).ToContainTextAsync("Database Guild");
        await page.CheckPageAtBothWidthsAsync(hub, "home-personal");
        var expertPage = await hub.NewPageAsync();
        await expertPage.SignInAsync("pia.postgres@example.com", "Pia Postgres", "OPS");
        var routed = expertPage.GetByRole(AriaRole.Region, new() { Name = "Questions you could answer" });
        await Assertions.Expect(routed).ToContainTextAsync("Why is my PostgreSQL query slow after an upgrade?", new() { Timeout = (float)Settle.TotalMilliseconds });
        await Assertions.Expect(expertPage.GetByRole(AriaRole.Region, new() { Name = "Your communities" })).ToContainTextAsync("you lead it");
        await page.GotoAsync(questionUrl);

        var question = questionUrl.Split('/').Last();
        await expert.PostJsonAsync($"/api/posts/{question}/answers", new { body = "Run **ANALYZE**: the upgrade dropped the statistics." }, HttpStatusCode.Created);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 answer" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the answer by Pia Postgres" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Accepted answer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept the answer by Pia Postgres" })).ToHaveCountAsync(0);
        await page.CheckPageAtBothWidthsAsync(hub, "question-answered");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Your questions still waiting" })).ToContainTextAsync("None: every question you asked has an answer.");
    }
}
