using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>A person erases their data from their profile page and follows the erasure on a page that needs no sign-in (issue 21).</summary>
[Collection(WebHub.Collection)]
public sealed class ErasureJourneys(WebHub hub)
{
    [Fact]
    public async Task A_person_erases_their_data_after_confirming_and_sees_every_service_finish()
    {
        var page = await hub.NewPageAsync();
        var email = $"erin.{Guid.NewGuid():N}@example.com";
        await page.SignInAsync(email, "Erin Erased", "IT");
        await page.GotoAsync("/me");
        var erase = page.GetByRole(AriaRole.Region, new() { Name = "Erase my data" });

        await erase.GetByRole(AriaRole.Button, new() { Name = "Erase my data" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-error")).ToContainTextAsync("Tick the box");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/me$"));
        await page.GetByRole(AriaRole.Region, new() { Name = "Erase my data" }).GetByLabel("I understand that my data is erased for good").CheckAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Erase my data" }).GetByRole(AriaRole.Button, new() { Name = "Erase my data" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/erasures/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Completed", new() { Timeout = 30_000 });
        var services = page.GetByRole(AriaRole.Table, new() { Name = "Each service's part" }).GetByRole(AriaRole.Row);
        await Assertions.Expect(services).ToHaveCountAsync(7);
        await Assertions.Expect(services.Filter(new() { HasText = "erasing" })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data is erased" })).ToBeVisibleAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "erasure");

        await page.GotoAsync("/me");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }
}
