using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

[Collection(StandaloneHubFixture.Collection)]
public sealed class StandaloneTests(StandaloneHubFixture fixture)
{
    private readonly StandaloneHub _hub = fixture.Hub;

    [Fact]
    public async Task The_journey_is_searchable_within_a_second_and_survives_a_restart()
    {
        var outcome = await new HubFlow(_hub.CreateClient).RunAsync(HubFlow.SearchDeadline);
        TestContext.Current.SendDiagnosticMessage($"Standalone: searchable {outcome.SearchLatency.TotalMilliseconds:0} ms after the last write.");

        await _hub.RestartAsync();

        var flow = new HubFlow(_hub.CreateClient);
        var reader = await flow.SignInAsync($"reader.{outcome.Marker}@example.com", "HR");
        var results = await reader.GetJsonAsync($"/api/search?q={outcome.Marker}");
        Assert.Superset(new HashSet<string> { outcome.PersonId, outcome.PostId, outcome.ProjectId }, HubFlow.Ids(results));
        var post = await reader.GetJsonAsync($"/api/posts/{outcome.PostId}");
        Assert.Equal(outcome.CommunityId, post["communityId"]!.GetValue<string>());
        var project = await reader.GetJsonAsync($"/api/projects/{outcome.ProjectId}");
        Assert.Equal(120000m, project["budget"]!["planned"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Without_a_token_every_api_answers_401()
    {
        var client = _hub.CreateClient();
        foreach (var url in new[] { "/api/people/me", "/api/departments", "/api/communities", "/api/projects", "/api/search?q=x" })
        {
            using var response = await client.GetAsync(url);
            await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Health_and_api_descriptions_need_no_token()
    {
        var client = _hub.CreateClient();
        foreach (var url in new[] { "/health/live", "/health/ready", "/openapi/expertise.json", "/openapi/communities.json", "/openapi/alignment.json", "/openapi/partnerships.json", "/openapi/search.json" })
        {
            using var response = await client.GetAsync(url);
            await response.EnsureStatusAsync(HttpStatusCode.OK);
        }

        var communities = await client.GetJsonAsync("/openapi/communities.json");
        Assert.NotNull(communities["paths"]!["/api/communities/{id}/posts"]);
        Assert.Null(communities["paths"]!["/api/projects"]);
    }

    [Theory]
    [InlineData("POST", "/api/communities", "{\"name\": ", 400)]
    [InlineData("POST", "/api/communities", "{\"name\": 5, \"visibility\": \"open\"}", 400)]
    [InlineData("POST", "/api/communities", "{}", 400)]
    [InlineData("POST", "/api/communities", "[1, 2]", 400)]
    [InlineData("POST", "/api/projects", "{\"name\": \"P\", \"budget\": {\"planned\": \"lots\"}}", 400)]
    [InlineData("PUT", "/api/people/me", "{\"displayName\": \"\", \"department\": \"IT\"}", 400)]
    [InlineData("PUT", "/api/departments/IT", "{\"name\": \"Information technology\"}", 403)]
    [InlineData("GET", "/api/posts/6f1c6a52-3a9e-4d59-9a8e-5b1f0c2d7e41", "", 404)]
    [InlineData("GET", "/api/projects/6f1c6a52-3a9e-4d59-9a8e-5b1f0c2d7e41", "", 404)]
    [InlineData("GET", "/api/people/6f1c6a52-3a9e-4d59-9a8e-5b1f0c2d7e41", "", 404)]
    [InlineData("POST", "/api/communities/6f1c6a52-3a9e-4d59-9a8e-5b1f0c2d7e41/members", "", 404)]
    [InlineData("GET", "/api/communities?limit=1000", "", 400)]
    [InlineData("GET", "/api/search?type=planet", "", 400)]
    public async Task Bad_input_gets_a_problem_never_a_500(string method, string url, string body, int status)
    {
        var client = await new HubFlow(_hub.CreateClient).SignInAsync($"tester.{Guid.NewGuid():N}@example.com", "IT");

        using var response = await client.SendRawAsync(new HttpMethod(method), url, body);

        await response.EnsureStatusAsync((HttpStatusCode)status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversized_body_answers_413_and_changes_nothing()
    {
        var client = await new HubFlow(_hub.CreateClient).SignInAsync($"big.{Guid.NewGuid():N}@example.com", "IT");
        var community = await client.PostJsonAsync("/api/communities", new { name = $"Big {Guid.NewGuid():N}", description = "", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);

        using var response = await client.PostAsJsonAsync(
            $"/api/communities/{community["id"]}/posts",
            new { type = "article", title = "Huge", body = new string('a', 1024 * 1024), tags = Array.Empty<string>() });

        await response.EnsureStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await client.GetJsonAsync($"/api/communities/{community["id"]}/posts"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Dev_sign_in_refuses_a_bad_email_or_an_unknown_role()
    {
        var client = _hub.CreateClient();

        using var badEmail = await client.PostAsJsonAsync("/api/auth/dev-login", new { email = "not-an-address" });
        using var badRole = await client.PostAsJsonAsync("/api/auth/dev-login", new { email = "a@example.com", roles = new[] { "superuser" } });

        await badEmail.EnsureStatusAsync(HttpStatusCode.BadRequest);
        await badRole.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await badRole.ReadJsonAsync())["errors"]!["roles"]);
    }

    [Fact]
    public async Task Every_answer_carries_security_headers_and_no_cross_origin_grant()
    {
        var client = _hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("Origin", "https://evil.example.com");

        using var response = await client.SendAsync(request);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
