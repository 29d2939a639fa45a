using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// A person erases themselves, the same in both topologies (issue 21, ADR 0072): every service
/// answers, their contributions stay by "Former member", and a sweep over every GET route that
/// docs/api.md lists finds their name and e-mail address nowhere, for an admin or a colleague.
/// </summary>
public abstract class ErasureJourneys(IHubUnderTest hub)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    /// <summary>Routes the sweep does not call, and why.</summary>
    private static readonly Dictionary<string, string> NotSwept = new(StringComparer.Ordinal)
    {
        ["/api/notifications/stream"] = "a live stream that never ends; the notifications it carries are the inbox's, which is swept",
    };

    // The person's name and address carry a word used nowhere else; what they wrote carries another,
    // so their posts may stay while their name must go.
    private readonly string _nameWord = "nm" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _contentWord = "ct" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task After_an_erasure_the_person_is_found_by_name_nowhere_and_their_posts_stay_by_a_former_member()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var email = $"pia.{_nameWord}@example.com";
        var pia = await flow.SignInAsync(email, "IT");
        var quinn = await flow.SignInAsync($"quinn.{_contentWord}@example.com", "FIN");
        var admin = await flow.SignInAsync($"admin.{_contentWord}@example.com", "IT", "admin");
        var executive = await flow.SignInAsync($"executive.{_contentWord}@example.com", "EXEC", "executive");
        var piaId = Id(await pia.GetJsonAsync("/api/people/me"));
        var quinnId = Id(await quinn.GetJsonAsync("/api/people/me"));
        var displayName = $"Pia {_nameWord}";
        await pia.PutJsonAsync("/api/people/me", new { displayName, department = "IT", title = "Platform engineer" }, HttpStatusCode.OK);
        var skill = _contentWord + "-ops";
        await admin.PutJsonAsync($"/api/skills/{skill}", new { }, HttpStatusCode.OK);
        await pia.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 4 }, HttpStatusCode.OK);
        await quinn.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 3 }, HttpStatusCode.OK);
        await quinn.PostJsonAsync($"/api/people/{piaId}/endorsements", new { skill }, HttpStatusCode.Created);
        await pia.PostJsonAsync($"/api/people/{quinnId}/endorsements", new { skill }, HttpStatusCode.Created);

        var community = Id(await quinn.PostJsonAsync(
            "/api/communities", new { name = $"Erasure practice {_contentWord}", description = "d", tags = new[] { skill }, visibility = "open" }, HttpStatusCode.Created));
        await pia.PostJsonAsync($"/api/communities/{community}/members", new { }, HttpStatusCode.OK);
        var piaQuestion = Id(await pia.PostJsonAsync(
            $"/api/communities/{community}/posts", new { type = "question", title = $"How to rotate {_contentWord}?", body = "Asking for the team.", tags = new[] { skill } }, HttpStatusCode.Created));
        var quinnQuestion = Id(await quinn.PostJsonAsync(
            $"/api/communities/{community}/posts", new { type = "question", title = $"Where are the runbooks {_contentWord}?", body = "b", tags = new[] { skill } }, HttpStatusCode.Created));
        await pia.PostJsonAsync($"/api/posts/{quinnQuestion}/answers", new { body = $"In the wiki, {_contentWord}." }, HttpStatusCode.Created);
        await pia.PostJsonAsync($"/api/posts/{quinnQuestion}/reactions", new { kind = "helpful" }, HttpStatusCode.OK);
        await Eventually.AssertAsync(
            async () => (await pia.PutAsync($"/api/follows/tag/{skill}", null)).StatusCode == HttpStatusCode.NoContent, Deadline, "Notifications to know the tag");
        await Eventually.AssertAsync(
            async () => (await quinn.PutAsync($"/api/follows/person/{piaId}", null)).StatusCode == HttpStatusCode.NoContent, Deadline, "Notifications to know Pia");
        var project = Id(await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(pia, "/api/projects", new
        {
            name = $"Rotation project {_contentWord}",
            description = "d",
            sponsorDepartment = "IT",
            partnerDepartments = new[] { "FIN" },
            tags = new[] { skill },
            budget = new { planned = 1000, actual = 0, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            status = "active",
        }));
        var report = Id(await pia.PostJsonAsync($"/api/projects/{project}/status-reports", new { health = "green", summary = "On track" }, HttpStatusCode.Created));
        var objective = Id(await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(executive, "/api/objectives", new
        {
            title = $"Rotate every secret {_contentWord}",
            description = "d",
            department = "IT",
            period = "2096-H2",
            priority = 2,
            owners = new[] { piaId },
            keyResults = new[] { new { title = "Secrets rotated", baseline = 0m, target = 100m, current = 10m, unit = "%", owners = new[] { piaId } } },
        }));

        // Before: every service knows Pia by name.
        await Eventually.AssertAsync(
            async () => (await admin.GetJsonAsync($"/api/search?q={_nameWord}")).ToJsonString().Contains(piaId, StringComparison.OrdinalIgnoreCase)
                && (await quinn.GetJsonAsync("/api/notifications")).ToJsonString().Contains(_nameWord, StringComparison.Ordinal)
                && (await quinn.GetJsonAsync($"/api/posts/{quinnQuestion}")).ToJsonString().Contains(displayName, StringComparison.Ordinal),
            Deadline,
            "search, Quinn's notifications and the answer to name Pia");

        using var erase = await pia.DeleteAsync("/api/people/me");
        await erase.EnsureStatusAsync(HttpStatusCode.Accepted);
        var location = erase.Headers.Location!.OriginalString;

        await (await pia.GetAsync("/api/people/me")).EnsureStatusAsync(HttpStatusCode.Unauthorized);
        var erasure = await Eventually.GetAsync(
            async () => await hub.NewClient().GetJsonAsync(location) is { } state && state["status"]!.GetValue<string>() == "completed" ? state : null,
            Deadline,
            "every service to erase Pia");
        Assert.Equal(["alignment", "communities", "expertise", "notifications", "partnerships", "search"],
            erasure["services"]!.AsArray().Select(service => service!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["people"] = piaId, ["communities"] = community, ["posts"] = piaQuestion, ["projects"] = project, ["objectives"] = objective,
            ["reportId"] = report, ["erasures"] = Id(erasure), ["imports"] = Guid.NewGuid().ToString(),
        };
        var swept = await Eventually.GetAsync(
            async () => await SweepAsync([admin, quinn], ids, piaId, skill, [displayName, email, email.Split('@')[0], _nameWord]) is { Found.Count: 0 } sweep ? sweep : null,
            Deadline,
            "Pia's name and address to be found on no route");
        Assert.True(swept.Answered >= 40, $"Only {swept.Answered} routes answered 200: the sweep read too little to show anything.");

        var question = await quinn.GetJsonAsync($"/api/posts/{piaQuestion}");
        Assert.Equal("Former member", question["authorName"]!.GetValue<string>());
        var answer = Assert.Single((await quinn.GetJsonAsync($"/api/posts/{quinnQuestion}"))["answers"]!.AsArray());
        Assert.Equal("Former member", answer!["authorName"]!.GetValue<string>());
        Assert.Equal(0, (await quinn.GetJsonAsync($"/api/posts/{quinnQuestion}"))["reactions"]!.GetValue<int>());
        var quinnSkill = (await admin.GetJsonAsync($"/api/people/{quinnId}"))["skills"]!.AsArray().Single(entry => entry!["name"]!.GetValue<string>() == skill)!;
        Assert.Equal(0, quinnSkill["endorsements"]!.GetValue<int>());
        Assert.DoesNotContain(piaId, (await admin.GetJsonAsync($"/api/communities/{community}/members")).ToJsonString(), StringComparison.OrdinalIgnoreCase);

        // Signing up again with the same address starts clean; what they wrote before stays the former member's.
        var again = await Eventually.GetAsync(
            async () =>
            {
                var client = await flow.SignInAsync(email, "IT");
                using var response = await client.GetAsync("/api/people/me");
                return response.StatusCode == HttpStatusCode.OK ? await response.ReadJsonAsync() : null;
            },
            Deadline,
            "a new sign-in with the same address to be let in");
        Assert.Equal(piaId, Id(again));
        Assert.Empty(again["skills"]!.AsArray());
        Assert.Equal("Former member", (await quinn.GetJsonAsync($"/api/posts/{piaQuestion}"))["authorName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_erasing_a_person_nobody_knows_gets_404_and_anyone_asking_about_an_unknown_erasure_gets_404()
    {
        hub.SkipIfUnavailable();
        var admin = await new HubFlow(hub.NewClient).SignInAsync($"admin.{_contentWord}@example.com", "IT", "admin");

        await (await admin.DeleteAsync($"/api/people/{Guid.NewGuid()}")).EnsureStatusAsync(HttpStatusCode.NotFound);
        await (await hub.NewClient().GetAsync($"/api/erasures/{Guid.NewGuid()}")).EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    private sealed record Sweep(int Answered, List<string> Found);

    /// <summary>Calls every GET route docs/api.md lists under /api as each caller and reports where any of the words appears.</summary>
    private async Task<Sweep> SweepAsync(IReadOnlyList<HttpClient> callers, Dictionary<string, string> ids, string personId, string skill, IReadOnlyList<string> words)
    {
        var paths = ApiDocs.Routes().Served
            .Where(route => route.Method == "GET" && route.Path.StartsWith("/api/", StringComparison.Ordinal) && !NotSwept.ContainsKey(route.Path))
            .SelectMany(route => WithQueries(Resolve(route.Path, ids), personId, skill))
            .Distinct()
            .ToList();
        var answered = 0;
        var found = new List<string>();
        foreach (var caller in callers)
        {
            foreach (var path in paths)
            {
                using var response = await caller.GetAsync(path);
                answered += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                var body = await response.Content.ReadAsStringAsync();
                found.AddRange(words.Where(word => body.Contains(word, StringComparison.OrdinalIgnoreCase)).Select(word => $"{path} ({(int)response.StatusCode}) names '{word}'"));
            }
        }

        return new Sweep(answered, found);
    }

    /// <summary>A route's placeholders filled by what it names: <c>/api/posts/{id}</c> takes the post.</summary>
    private static string Resolve(string template, Dictionary<string, string> ids)
    {
        var segments = template.Split('?')[0].Split('/');
        for (var index = 0; index < segments.Length; index++)
        {
            if (segments[index].StartsWith('{'))
            {
                var name = segments[index].Trim('{', '}');
                segments[index] = ids.TryGetValue(name, out var byName) ? byName : ids[segments[index - 1]];
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>The searches and filters a route answers with the person in them.</summary>
    private IEnumerable<string> WithQueries(string path, string personId, string skill)
    {
        yield return path;
        var queries = path switch
        {
            "/api/people" or "/api/skills" or "/api/search" or "/api/search/suggest" or "/api/communities" or "/api/posts" =>
                [$"q={_nameWord}", $"q=Pia", $"q={_contentWord}"],
            "/api/experts" => [$"skill={skill}", $"q={_contentWord}"],
            "/api/experts/coverage" => ["department=IT"],
            "/api/systems-map" => [$"focus=person:{personId}&depth=3", "focus=department:IT&depth=3"],
            "/api/audit" or "/api/audit/export" => [$"target=person:{personId}", $"actor={personId}"],
            "/api/objectives" => ["period=2096-H2"],
            "/api/partnerships/introductions" => [$"skill={skill}", "department=FIN"],
            _ => Array.Empty<string>(),
        };
        foreach (var query in queries)
        {
            yield return $"{path}?{query}";
        }
    }

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Erasure_journeys_standalone(StandaloneHubFixture fixture) : ErasureJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Erasure_journeys_distributed(DistributedHubFixture fixture) : ErasureJourneys(fixture);
