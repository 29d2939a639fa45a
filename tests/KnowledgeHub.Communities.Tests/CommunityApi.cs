using System.Net;
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

    public static object Article(string title = "Zero-downtime upgrades") =>
        new { type = "article", title, body = "How we *upgrade* clusters.", tags = new[] { "kubernetes" } };
}
