using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Search through the gateway, the same in both topologies: suggestions while typing, facets and
/// filters, a closed community's post kept from outsiders everywhere, bad input, and the admin's
/// rebuild starting without taking search offline.
/// </summary>
public abstract class SearchJourneys(IHubUnderTest hub)
{
    private static readonly TimeSpan Deadline = HubFlow.SearchDeadline;

    private HubFlow Flow => new(hub.NewClient);

    private static string Marker() => "zj" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Typing_suggests_people_communities_and_skills_and_search_facets_by_type()
    {
        hub.SkipIfUnavailable();
        var marker = Marker();
        var ada = await Flow.SignInAsync($"ada.{marker}@example.com", "IT");
        var me = await ada.PutJsonAsync("/api/people/me", new { displayName = $"Ada {marker}", department = "IT", title = "Data engineer", bio = "Builds Spark pipelines" }, HttpStatusCode.OK);
        var community = await ada.PostJsonAsync("/api/communities", new { name = $"{marker} data guild", description = "Pipelines and lakes", tags = new[] { "spark" }, visibility = "open" }, HttpStatusCode.Created);
        var reader = await Flow.SignInAsync($"reader.{marker}@example.com", "FIN");

        var suggestions = await Eventually.GetAsync(
            async () => (await reader.GetJsonAsync($"/api/search/suggest?q={marker[..8]}")).AsArray() is { Count: >= 2 } items ? items : null,
            Deadline,
            "the person and the community to be suggested");
        Assert.Contains(suggestions, item => item!["type"]!.GetValue<string>() == "person" && item["id"]!.GetValue<string>() == me["id"]!.GetValue<string>());
        Assert.Contains(suggestions, item => item!["type"]!.GetValue<string>() == "community" && item["id"]!.GetValue<string>() == community["id"]!.GetValue<string>());
        Assert.Empty((await reader.GetJsonAsync("/api/search/suggest?q=z")).AsArray());

        var results = await reader.GetJsonAsync($"/api/search?q={marker}");
        Assert.Equal(2, results["total"]!.GetValue<int>());
        Assert.Equal(1, results["facets"]!["type"]!["person"]!.GetValue<int>());
        Assert.Equal(1, results["facets"]!["type"]!["community"]!.GetValue<int>());
        var people = await reader.GetJsonAsync($"/api/search?q={marker}&type=person&department=IT");
        Assert.Equal([me["id"]!.GetValue<string>()], HubFlow.Ids(people));
    }

    [Fact]
    public async Task A_closed_communitys_post_is_found_by_its_members_only_in_results_facets_and_suggestions()
    {
        hub.SkipIfUnavailable();
        var marker = Marker();
        var lead = await Flow.SignInAsync($"lead.{marker}@example.com", "IT");
        var outsider = await Flow.SignInAsync($"outsider.{marker}@example.com", "HR");
        var community = await lead.PostJsonAsync("/api/communities", new { name = $"Board {marker}", description = "Closed", tags = Array.Empty<string>(), visibility = "closed" }, HttpStatusCode.Created);
        var post = await lead.PostJsonAsync($"/api/communities/{community["id"]}/posts", new { type = "article", title = $"Merger {marker} plans", body = "Confidential", tags = new[] { $"secret-{marker}" } }, HttpStatusCode.Created);
        var postId = post["id"]!.GetValue<string>();

        await Eventually.AssertAsync(
            async () => HubFlow.Ids(await lead.GetJsonAsync($"/api/search?q=merger+{marker}")).Contains(postId),
            Deadline,
            "the lead to find the closed community's post");
        var outsiderResults = await outsider.GetJsonAsync($"/api/search?q=merger+{marker}");
        var outsiderByTag = await outsider.GetJsonAsync($"/api/search?tag=secret-{marker}");
        var outsiderSuggestions = (await outsider.GetJsonAsync($"/api/search/suggest?q=merger+{marker}")).AsArray();
        var leadSuggestions = (await lead.GetJsonAsync($"/api/search/suggest?q=merger+{marker}")).AsArray();

        Assert.Equal(0, outsiderResults["total"]!.GetValue<int>());
        Assert.Empty(outsiderResults["facets"]!["type"]!.AsObject());
        Assert.Empty(outsiderResults["facets"]!["tag"]!.AsObject());
        Assert.Equal(0, outsiderByTag["total"]!.GetValue<int>());
        Assert.DoesNotContain(outsiderSuggestions, item => item!["id"]?.GetValue<string>() == postId);
        Assert.Contains(leadSuggestions, item => item!["id"]?.GetValue<string>() == postId);
    }

    [Theory]
    [InlineData("/api/search?type=planet", 400)]
    [InlineData("/api/search?limit=101", 400)]
    [InlineData("/api/search/suggest?q=ab&limit=101", 400)]
    [InlineData("/api/search?q=%22kube*%20(a:b)%20~%3F", 200)]
    [InlineData("/api/search/suggest?q=*%3A(", 200)]
    public async Task Bad_search_input_gets_a_clear_answer_never_a_500(string url, int status)
    {
        hub.SkipIfUnavailable();
        var client = await Flow.SignInAsync($"bad.{Marker()}@example.com", "IT");

        using var response = await client.GetAsync(url);

        await response.EnsureStatusAsync((HttpStatusCode)status);
    }

    /// <summary>
    /// Every service replays its state into a new index while the old one keeps answering; the
    /// admin watches it reach "completed" with every replayed document indexed.
    /// </summary>
    [Fact]
    public async Task An_admin_starts_a_rebuild_and_watches_it_while_search_keeps_answering()
    {
        hub.SkipIfUnavailable();
        var marker = Marker();
        var admin = await Flow.SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        var employee = await Flow.SignInAsync($"employee.{marker}@example.com", "IT");
        // The admin's first visit provisions their profile and with it the department IT, which the project names.
        await admin.GetJsonAsync("/api/people/me");
        var project = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(admin, "/api/projects", new
        {
            name = $"Rebuild {marker}",
            description = "Searchable while the index is rebuilt",
            sponsorDepartment = "IT",
            partnerDepartments = Array.Empty<string>(),
            tags = Array.Empty<string>(),
            budget = new { planned = 1000, actual = 0, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            status = "active",
        });
        await Eventually.AssertAsync(
            async () => HubFlow.Ids(await employee.GetJsonAsync($"/api/search?q={marker}")).Contains(project["id"]!.GetValue<string>()),
            Deadline,
            "the project to be searchable");

        using var forbidden = await employee.PostAsync("/api/search/reindex", null);
        await forbidden.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var started = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        var status = await admin.GetJsonAsync("/api/search/reindex");

        Assert.Equal(started["reindexId"]!.GetValue<string>(), status["reindexId"]!.GetValue<string>());
        Assert.Contains(status["state"]!.GetValue<string>(), new[] { "running", "completed" });
        Assert.Equal(["alignment", "communities", "expertise"], status["services"]!.AsArray().Select(service => service!["service"]!.GetValue<string>()));
        Assert.Contains(project["id"]!.GetValue<string>(), HubFlow.Ids(await employee.GetJsonAsync($"/api/search?q={marker}")));

        var completed = await Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is { } now && now["state"]!.GetValue<string>() != "running" ? now : null,
            TimeSpan.FromSeconds(60),
            "the rebuild to finish");
        Assert.Equal("completed", completed["state"]!.GetValue<string>());
        Assert.Equal(completed["total"]!.GetValue<int>(), completed["done"]!.GetValue<int>());
        Assert.True(completed["total"]!.GetValue<int>() > 0);
        Assert.Contains(project["id"]!.GetValue<string>(), HubFlow.Ids(await employee.GetJsonAsync($"/api/search?q={marker}")));
    }
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Search_journeys_standalone(StandaloneHubFixture fixture) : SearchJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Search_journeys_distributed(DistributedHubFixture fixture) : SearchJourneys(fixture);
