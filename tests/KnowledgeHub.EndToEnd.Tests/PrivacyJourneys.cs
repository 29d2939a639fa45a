using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// A person's data export through the gateway, the same in both topologies (issue 21): one JSON file
/// per service in a zip, holding what each service keeps about the caller and nothing of anyone else.
/// </summary>
public abstract class PrivacyJourneys(IHubUnderTest hub)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly string[] Services = ["alignment", "communities", "expertise", "notifications", "partnerships", "search"];
    private readonly string _marker = "pv" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_persons_export_holds_their_profile_posts_follows_and_projects_from_every_service_and_nothing_of_others()
    {
        hub.SkipIfUnavailable();
        var person = await SignInAsync("exporter", "IT");
        var colleague = await SignInAsync("colleague", "FIN");
        var personId = Id(await person.GetJsonAsync("/api/people/me"));
        await person.PutJsonAsync("/api/people/me/skills/kubernetes", new { level = 4 }, HttpStatusCode.OK);
        await colleague.PostJsonAsync($"/api/people/{personId}/endorsements", new { skill = "kubernetes", comment = "Kind" }, HttpStatusCode.Created);
        var community = await colleague.PostJsonAsync(
            "/api/communities", new { name = $"Exported {_marker}", description = "d", tags = new[] { "kubernetes" }, visibility = "open" }, HttpStatusCode.Created);
        await person.PostJsonAsync($"/api/communities/{Id(community)}/members", new { }, HttpStatusCode.OK);
        await person.PostJsonAsync(
            $"/api/communities/{Id(community)}/posts", new { type = "article", title = $"Mine {_marker}", body = "b", tags = new[] { "kubernetes" } }, HttpStatusCode.Created);
        // Somewhere the person neither belongs nor follows: nothing of it may reach their export.
        var elsewhere = await colleague.PostJsonAsync(
            "/api/communities", new { name = $"Elsewhere {_marker}", description = "d", tags = new[] { "finance" }, visibility = "open" }, HttpStatusCode.Created);
        await colleague.PostJsonAsync(
            $"/api/communities/{Id(elsewhere)}/posts", new { type = "article", title = $"Theirs {_marker}", body = "b", tags = new[] { "finance" } }, HttpStatusCode.Created);
        // Notifications learns of a tag from the events that carry it: the follow waits until it has.
        await Eventually.AssertAsync(
            async () => (await person.PutAsync("/api/follows/tag/kubernetes", null)).StatusCode == HttpStatusCode.NoContent,
            Deadline,
            "Notifications to know the tag kubernetes");

        var project = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(person, "/api/projects", new
        {
            name = $"Exported project {_marker}",
            description = "d",
            sponsorDepartment = "IT",
            partnerDepartments = Array.Empty<string>(),
            tags = new[] { "kubernetes" },
            budget = new { planned = 1000, actual = 0, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            status = "active",
        });

        var files = await Eventually.GetAsync(
            async () =>
            {
                var export = await ExportAsync(person);
                return Text(export["communities"]).Contains($"Mine {_marker}", StringComparison.Ordinal)
                    && Rows(export, "search", "personDocument") == 1
                    && Text(export["partnerships"]["data"]!["communityMemberships"]!).Contains(Id(community), StringComparison.OrdinalIgnoreCase)
                    && Text(export["notifications"]["data"]!["follows"]!).Contains("tag:kubernetes", StringComparison.Ordinal)
                        ? export : null;
            },
            Deadline,
            "every service's part of the export to hold the person's data");

        Assert.Equal(Services, files.Keys.Order(StringComparer.Ordinal));
        Assert.All(files.Values, file => Assert.Equal(personId, file["personId"]!.GetValue<string>()));
        var profile = Assert.Single(files["expertise"]["data"]!["profile"]!.AsArray());
        Assert.Equal($"exporter.{_marker}@example.com", profile!["email"]!.GetValue<string>());
        Assert.Single(files["expertise"]["data"]!["endorsementsReceived"]!.AsArray());
        Assert.Contains(Id(project), Text(files["alignment"]["data"]!["projectsLed"]!), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(files.Values, file => Text(file).Contains($"Theirs {_marker}", StringComparison.Ordinal));
        Assert.DoesNotContain(files.Values, file => Text(file).Contains($"colleague.{_marker}@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_export_needs_a_signed_in_caller()
    {
        hub.SkipIfUnavailable();
        using var response = await hub.NewClient().GetAsync("/api/people/me/export");

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task<Dictionary<string, JsonNode>> ExportAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/people/me/export");
        await response.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        await using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var files = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            await using var content = entry.Open();
            files[Path.GetFileNameWithoutExtension(entry.Name)] = (await JsonNode.ParseAsync(content))!;
        }

        return files;
    }

    private Task<HttpClient> SignInAsync(string name, string department) =>
        new HubFlow(hub.NewClient).SignInAsync($"{name}.{_marker}@example.com", department);

    private static int Rows(Dictionary<string, JsonNode> export, string service, string set) => export[service]["data"]![set]!.AsArray().Count;

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    private static string Text(JsonNode node) => node.ToJsonString();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Privacy_journeys_standalone(StandaloneHubFixture fixture) : PrivacyJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Privacy_journeys_distributed(DistributedHubFixture fixture) : PrivacyJourneys(fixture);
