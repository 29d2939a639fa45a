using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The foundation's end-to-end journey through the gateway, the same in both topologies: sign in,
/// edit a profile, create and join a community, publish a post, create a project, find all of it.
/// </summary>
public sealed class HubFlow(Func<HttpClient> newGatewayClient)
{
    /// <summary>
    /// How long a journey waits for search. Freshness itself (p99 within 1 s) is measured by the
    /// benchmark suite on a quiet machine; a functional test on a loaded CI machine only proves
    /// that the write arrives, and reports how long it took.
    /// </summary>
    public static readonly TimeSpan SearchDeadline = TimeSpan.FromSeconds(20);

    public sealed record Outcome(string PersonId, string CommunityId, string PostId, string ProjectId, string Marker, TimeSpan SearchLatency);

    public Task<HttpClient> SignInAsync(string email, string department, params string[] roles) =>
        newGatewayClient().SignInAsync(email, department, roles);

    public async Task<Outcome> RunAsync(TimeSpan searchDeadline)
    {
        // A word no other test uses, so search answers are about this run only.
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var author = await SignInAsync($"author.{marker}@example.com", "IT");
        var colleague = await SignInAsync($"colleague.{marker}@example.com", "FIN");

        var me = await author.GetJsonAsync("/api/people/me");
        // Their first visits provision both profiles and with them the departments IT and FIN, which the project names.
        await colleague.GetJsonAsync("/api/people/me");
        await author.PutJsonAsync("/api/people/me", new { displayName = $"Grace {marker}", department = "IT", title = "Platform engineer", bio = "Runs the Kubernetes platform" }, HttpStatusCode.OK);
        var community = await author.PostJsonAsync("/api/communities", new { name = $"Platform {marker}", description = "Cloud platform practice", tags = new[] { "kubernetes" }, visibility = "open" }, HttpStatusCode.Created);
        var communityId = community["id"]!.GetValue<string>();
        var joined = await colleague.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK);
        Assert.Equal("member", joined["status"]!.GetValue<string>());
        var post = await colleague.PostJsonAsync($"/api/communities/{communityId}/posts", new { type = "question", title = $"How do we patch {marker} clusters?", body = "Looking for a runbook.", tags = new[] { "kubernetes" } }, HttpStatusCode.Created);
        var project = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(author, "/api/projects", new
        {
            name = $"Cluster upgrade {marker}",
            description = "Upgrade every cluster",
            sponsorDepartment = "IT",
            partnerDepartments = new[] { "FIN" },
            tags = new[] { "kubernetes" },
            budget = new { planned = 120000, actual = 1000, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            status = "active",
        });

        var clock = Stopwatch.StartNew();
        var expected = new HashSet<string> { me["id"]!.GetValue<string>(), post["id"]!.GetValue<string>(), project["id"]!.GetValue<string>() };
        await Eventually.AssertAsync(
            async () => expected.IsSubsetOf(Ids(await colleague.GetJsonAsync($"/api/search?q={marker}"))),
            searchDeadline,
            "search to find the person, the post and the project");
        return new Outcome(me["id"]!.GetValue<string>(), communityId, post["id"]!.GetValue<string>(), project["id"]!.GetValue<string>(), marker, clock.Elapsed);
    }

    public static HashSet<string> Ids(JsonNode results) =>
        results["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToHashSet();
}
