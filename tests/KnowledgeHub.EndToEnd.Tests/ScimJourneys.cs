using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// SCIM through the gateway in both topologies (ADR 0068): the directory provisions a person who then
/// signs in as the same person and writes a post; deprovisioned, they cannot sign in, their token is
/// refused, they leave the directory, and their post stays; reprovisioned, they are back.
/// </summary>
public abstract class ScimJourneys(IHubUnderTest hub)
{
    [Fact]
    public async Task A_person_provisioned_through_the_gateway_signs_in_and_once_deprovisioned_cannot_while_their_post_remains()
    {
        hub.SkipIfUnavailable();
        var flow = new HubFlow(hub.NewClient);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var email = $"scim.{marker}@example.com";
        using var scim = hub.NewClient();
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SharedHubSettings.ScimToken);
        var id = (await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(email, "Scim", $"Person{marker}", "Platform"), HttpStatusCode.Created))!["id"]!.GetValue<string>();

        var person = await flow.SignInAsync(email, "IT");
        var me = await person.GetJsonAsync("/api/people/me");
        Assert.Equal((id, $"Scim Person{marker}", "PLATFORM"), (me["id"]!.GetValue<string>(), me["displayName"]!.GetValue<string>(), me["department"]!.GetValue<string>()));
        var community = await person.PostJsonAsync("/api/communities", new { name = $"Provisioned {marker}", description = "By a provisioned person", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);
        var post = await person.PostJsonAsync($"/api/communities/{community["id"]}/posts", new { type = "article", title = $"Kept {marker}", body = "Stays after I leave.", tags = Array.Empty<string>() }, HttpStatusCode.Created);
        var colleague = await flow.SignInAsync($"colleague.{marker}@example.com", "IT");
        using var asPerson = await scim.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/scim/v2/Users/{id}") { Headers = { Authorization = person.DefaultRequestHeaders.Authorization } });
        Assert.Equal(HttpStatusCode.Unauthorized, asPerson.StatusCode);

        Assert.Single((await colleague.GetJsonAsync($"/api/people?q=Person{marker}"))["items"]!.AsArray());
        await Eventually.AssertAsync(async () => await SearchFindsAsync(colleague, marker, id), TimeSpan.FromSeconds(30), "search to find the provisioned person by name");

        await scim.ScimAsync(HttpMethod.Delete, $"/scim/v2/Users/{id}", null, HttpStatusCode.NoContent);

        using (var signIn = await hub.NewClient().PostAsJsonAsync("/api/auth/dev-login", new { email, department = "IT" }))
        {
            await signIn.EnsureStatusAsync(HttpStatusCode.Forbidden);
        }

        await Eventually.AssertAsync(
            async () =>
            {
                using var refused = await person.GetAsync($"/api/posts/{post["id"]}");
                return refused.StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(45),
            "the deprovisioned person's token to be refused");
        Assert.Empty((await colleague.GetJsonAsync($"/api/people?q=Person{marker}"))["items"]!.AsArray());
        Assert.Equal($"Kept {marker}", (await colleague.GetJsonAsync($"/api/posts/{post["id"]}"))["title"]!.GetValue<string>());
        await Eventually.AssertAsync(async () => !await SearchFindsAsync(colleague, marker, id), TimeSpan.FromSeconds(30), "search to stop finding the deprovisioned person");

        await scim.ScimAsync(HttpMethod.Post, "/scim/v2/Users", ScimCalls.NewUser(email, "Scim", $"Person{marker}", "Platform"), HttpStatusCode.Created);
        var back = await flow.SignInAsync(email, "IT");
        Assert.Equal(id, (await back.GetJsonAsync("/api/people/me"))["id"]!.GetValue<string>());
        await Eventually.AssertAsync(async () => await SearchFindsAsync(colleague, marker, id), TimeSpan.FromSeconds(30), "search to find the provisioned-again person");
    }

    private static async Task<bool> SearchFindsAsync(HttpClient client, string marker, string personId) =>
        (await client.GetJsonAsync($"/api/search?q=Person{marker}")).ToJsonString().Contains(personId, StringComparison.OrdinalIgnoreCase);
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Scim_journeys_standalone(StandaloneHubFixture fixture) : ScimJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Scim_journeys_distributed(DistributedHubFixture fixture) : ScimJourneys(fixture);
