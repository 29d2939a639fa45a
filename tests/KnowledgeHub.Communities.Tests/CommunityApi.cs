using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Communities.Tests;

/// <summary>The calls the tests make often, as a client would make them.</summary>
internal static class CommunityApi
{
    public static Task<JsonNode> CreateCommunityAsync(this HttpClient client, string visibility = "open", string? name = null) =>
        client.PostJsonAsync(
            "/api/communities",
            new { name = name ?? $"Community {Guid.NewGuid():N}", description = "People who care", tags = new[] { "Cloud", "kubernetes" }, visibility },
            HttpStatusCode.Created);

    public static Task<JsonNode> PublishAsync(this HttpClient client, string communityId, object post) =>
        client.PostJsonAsync($"/api/communities/{communityId}/posts", post, HttpStatusCode.Created);

    /// <summary>Joins and returns the status the community answered (member or pending).</summary>
    public static async Task<string> JoinAsync(this HttpClient client, string communityId) =>
        (await client.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK))["status"]!.GetValue<string>();

    public static Task<JsonNode> SetMemberAsync(this HttpClient lead, string communityId, Guid personId, string role) =>
        lead.PutJsonAsync($"/api/communities/{communityId}/members/{personId}", new { role, status = "active" }, HttpStatusCode.OK);

    public static Task<JsonNode> AnswerAsync(this HttpClient client, string postId, string body = "Use a *surge* upgrade.") =>
        client.PostJsonAsync($"/api/posts/{postId}/answers", new { body }, HttpStatusCode.Created);

    /// <summary>Sends JSON with an optional If-Match, for edits that race.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static string Id(this JsonNode node) => node["id"]!.GetValue<string>();

    public static object Article(string title = "Zero-downtime upgrades") =>
        new { type = "article", title, body = "How we *upgrade* clusters.", tags = new[] { "kubernetes" } };

    public static object Question(string title = "How do we patch clusters?") =>
        new { type = "question", title, body = "Looking for a **runbook**.", tags = new[] { "kubernetes", "patching" } };
}
