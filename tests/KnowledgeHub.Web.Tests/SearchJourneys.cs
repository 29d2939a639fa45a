using System.Net;
using System.Text.RegularExpressions;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>Search in the browser beyond the first page, and what it offers when nothing matches.</summary>
[Collection(WebHub.Collection)]
public sealed class SearchJourneys(WebHub hub)
{
    private const int Sightings = 22;

    [Fact]
    public async Task A_search_pages_through_its_results_and_one_that_finds_nothing_offers_ways_on()
    {
        using var admin = await hub.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", "admin");
        await admin.PutJsonAsync("/api/skills/Quokkology", new { aliases = Array.Empty<string>(), category = "Science" }, HttpStatusCode.OK);
        using var watcher = await hub.SignInAsync("walt.watcher@example.com", "Walt Watcher", "OPS");
        var community = await watcher.CreateOpenCommunityAsync("Marsupial Watchers", "Sightings.", "wildlife");
        for (var sighting = 1; sighting <= Sightings; sighting++)
        {
            await watcher.PostJsonAsync(
                $"/api/communities/{community.Id()}/posts",
                new { type = "article", title = $"Quokka sighting {sighting}", body = "A quokka smiled at the ferry.", tags = new[] { "wildlife" } },
                HttpStatusCode.Created);
        }

        await Eventually.AssertAsync(
            async () => (await watcher.GetJsonAsync("/api/search?q=quokka&type=post"))["total"]!.GetValue<int>() == Sightings,
            TimeSpan.FromSeconds(20), "every sighting to be searchable");
        var page = await hub.NewPageAsync();
        await page.SignInAsync("sam.searcher@example.com", "Sam Searcher", "SALES");

        await page.GotoAsync("/search?q=quokka&type=post");
        await Assertions.Expect(page.GetByText($"{Sightings} results", new() { Exact = true })).ToBeVisibleAsync();
        var posts = page.GetByRole(AriaRole.Region, new() { Name = "Posts" }).Locator(".results > li");
        await Assertions.Expect(posts).ToHaveCountAsync(20);
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "More results" });
        await pager.GetByRole(AriaRole.Link, new() { Name = "Next 20 results" }).ClickAsync();
        await Assertions.Expect(posts).ToHaveCountAsync(Sightings - 20);
        await Assertions.Expect(pager.GetByRole(AriaRole.Link, new() { Name = "Next 20 results" })).ToHaveCountAsync(0);
        await page.CheckPageAtBothWidthsAsync(hub, "search-next-page");
        await pager.GetByRole(AriaRole.Link, new() { Name = "First results" }).ClickAsync();
        await Assertions.Expect(posts).ToHaveCountAsync(20);

        await page.GotoAsync("/search?q=quokka&type=project");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Nothing matches") })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Search for “quokka” without the filters" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Posts" })).ToContainTextAsync("Quokka sighting");

        await page.GotoAsync("/search?q=Quokkolgy");
        var nothing = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Nothing matches") });
        await Assertions.Expect(nothing.GetByRole(AriaRole.Link, new() { Name = "Quokkology", Exact = true })).ToHaveAttributeAsync("href", "/search?q=Quokkology");
        await Assertions.Expect(nothing.GetByRole(AriaRole.Link, new() { Name = "Find experts on Quokkology" })).ToBeVisibleAsync();
        await page.CheckPageAtBothWidthsAsync(hub, "search-nothing-found");
    }
}
