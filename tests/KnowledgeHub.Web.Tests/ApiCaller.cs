using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Web.Tests;

/// <summary>Prepares what a journey needs through the public API, as another user would have done it.</summary>
internal static class ApiCaller
{
    public static Task<HttpClient> SignInAsync(this WebHub hub, string email, string name, string department, params string[] roles) =>
        SignInAsync(hub.Url, email, name, department, roles);

    public static async Task<HttpClient> SignInAsync(Uri hub, string email, string name, string department, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = hub, Timeout = TimeSpan.FromSeconds(30) };
        var token = await client.PostJsonAsync("/api/auth/dev-login", new { email, displayName = name, department, roles }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        await client.GetJsonAsync("/api/people/me");
        return client;
    }

    /// <summary>An open community the caller leads.</summary>
    public static Task<JsonNode> CreateOpenCommunityAsync(this HttpClient client, string name, string description, string tag) =>
        client.PostJsonAsync("/api/communities", new { name, description, tags = new[] { tag }, visibility = "open" }, HttpStatusCode.Created);

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();
}
