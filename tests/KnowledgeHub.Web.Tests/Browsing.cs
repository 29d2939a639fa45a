using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>What a user does in the browser, and the checks every main page gets.</summary>
internal static class Browsing
{
    public static async Task SignInAsync(this IPage page, string email, string name, string department, bool executive = false, bool admin = false)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Department code").FillAsync(department);
        if (executive)
        {
            await page.GetByLabel("Executive").CheckAsync();
        }

        if (admin)
        {
            await page.GetByLabel("Admin").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public static ILocator MainNavigation(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>The header's link to the notifications, named with the unread count ("Notifications: 2 unread").</summary>
    public static ILocator Bell(this IPage page, int unread) =>
        page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = $"Notifications: {unread} unread", Exact = true });

    /// <summary><see cref="CheckPageAsync"/> at desktop width and at phone width (<c>name-phone</c>).</summary>
    public static async Task CheckPageAtBothWidthsAsync(this IPage page, WebHub hub, string name)
    {
        await page.CheckPageAsync(hub, name);
        await page.SetViewportSizeAsync(390, 844);
        await page.CheckPageAsync(hub, name + "-phone");
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>Saves a screenshot named <paramref name="name"/> and fails on serious or critical axe-core violations.</summary>
    public static async Task CheckPageAsync(this IPage page, WebHub hub, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(hub.ScreenshotFolder, name + ".png"), FullPage = true });
        // Evaluated through the DevTools protocol, so the page's strict CSP does not block it; once per
        // document: loading it is most of a check's time, and the phone-width check reuses it.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(hub.AxeScript);
        }

        // Only violations are read: axe then skips recording what passed.
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] }))
              .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))
            """);
        var found = violations.EnumerateArray().Select(violation => violation.GetString()).ToList();
        Assert.True(found.Count == 0, $"Accessibility violations on {name}:\n{string.Join('\n', found)}");
    }
}
