using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The audit trail through the gateway, the same in both topologies: actions of leads, executives and
/// admins in Communities, Alignment and Expertise each reach the one trail (through the broker in the
/// distributed hub), say who did what to whom, and the chain verifies (ADR 0069).
/// </summary>
public abstract class AuditJourneys(IHubUnderTest hub)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _marker = "au" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_leads_decisions_an_executives_objective_and_an_admins_department_are_each_in_the_one_trail()
    {
        hub.SkipIfUnavailable();
        var admin = await SignInAsync("admin", "IT", "admin");
        var lead = await SignInAsync("lead", "IT");
        var approved = await SignInAsync("approved", "HR");
        var declined = await SignInAsync("declined", "FIN");
        var executive = await SignInAsync("executive", "EXEC", "executive");
        var community = await lead.PostJsonAsync(
            "/api/communities", new { name = $"Audited {_marker}", description = "d", tags = new[] { "security" }, visibility = "closed" }, HttpStatusCode.Created);
        var communityId = Id(community);
        await approved.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK);
        await declined.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK);

        await lead.PutJsonAsync($"/api/communities/{communityId}/members/{await MeAsync(approved)}", new { role = "member", status = "active" }, HttpStatusCode.OK);
        await lead.PutJsonAsync($"/api/communities/{communityId}/members/{await MeAsync(declined)}", new { status = "rejected" }, HttpStatusCode.OK);
        var code = ("A" + _marker[2..8]).ToUpperInvariant();
        await admin.PutJsonAsync($"/api/departments/{code}", new { name = "Audited department" }, HttpStatusCode.OK);
        // A period no other journey uses: the alignment journey counts the objectives of its own.
        var objective = await AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(
            executive,
            "/api/objectives",
            new { title = $"Audited objective {_marker}", description = "", department = code, period = "2097-H2", priority = 1, keyResults = Array.Empty<object>() });

        var leadId = await MeAsync(lead);
        var approval = await EntryAsync(admin, $"target=person:{await MeAsync(approved)}&action=community.request.approved");
        var decline = await EntryAsync(admin, $"target=person:{await MeAsync(declined)}&action=community.request.declined");
        var created = await EntryAsync(admin, $"target=objective:{Id(objective)}");
        var department = await EntryAsync(admin, $"target=department:{code}");
        Assert.Equal((leadId, "communities", communityId), (Text(approval, "actor"), Text(approval, "service"), approval["details"]!["community"]!.GetValue<string>()));
        Assert.Equal((leadId, "communities"), (Text(decline, "actor"), Text(decline, "service")));
        Assert.Equal((await MeAsync(executive), "alignment", "objective.created"), (Text(created, "actor"), Text(created, "service"), Text(created, "action")));
        Assert.Equal((await MeAsync(admin), "expertise"), (Text(department, "actor"), Text(department, "service")));
        var verification = await admin.GetJsonAsync("/api/audit/verify");
        Assert.True(verification["ok"]!.GetValue<bool>(), verification.ToJsonString());
        using var forbidden = await lead.GetAsync("/api/audit");
        await forbidden.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonNode> EntryAsync(HttpClient admin, string filter) =>
        await Eventually.GetAsync(
            async () => (await admin.GetJsonAsync($"/api/audit?{filter}"))["items"]!.AsArray().FirstOrDefault(),
            Deadline,
            $"an audit entry with {filter}");

    private static async Task<string> MeAsync(HttpClient client) => Id(await client.GetJsonAsync("/api/people/me"));

    private Task<HttpClient> SignInAsync(string name, string department, params string[] roles) =>
        new HubFlow(hub.NewClient).SignInAsync($"{name}.{_marker}@example.com", department, roles);

    private static string Id(JsonNode node) => Text(node, "id");

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Audit_journeys_standalone(StandaloneHubFixture fixture) : AuditJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Audit_journeys_distributed(DistributedHubFixture fixture) : AuditJourneys(fixture);
