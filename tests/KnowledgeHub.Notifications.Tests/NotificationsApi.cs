using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>The calls the tests make often, as a client would make them.</summary>
internal static class NotificationsApi
{
    /// <summary>Waits until the caller has <paramref name="count"/> notifications of <paramref name="kind"/>; returns them.</summary>
    public static Task<IReadOnlyList<JsonNode>> WaitForAsync(this HttpClient client, string kind, int count = 1) =>
        Eventually.GetAsync<IReadOnlyList<JsonNode>>(
            async () =>
            {
                var items = await client.OfKindAsync(kind);
                return items.Count >= count ? items : null;
            },
            TimeSpan.FromSeconds(10),
            $"{count} '{kind}' notification(s)");

    public static async Task<IReadOnlyList<JsonNode>> OfKindAsync(this HttpClient client, string kind) =>
        (await client.GetJsonAsync("/api/notifications?limit=100"))["items"]!.AsArray()
            .Select(item => item!)
            .Where(item => item["kind"]!.GetValue<string>() == kind)
            .ToList();

    public static async Task<long> UnreadAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/api/notifications/unread-count"))["count"]!.GetValue<long>();

    public static async Task FollowAsync(this HttpClient client, string kind, string id)
    {
        using var response = await client.PutAsync($"/api/follows/{kind}/{Uri.EscapeDataString(id)}", null);
        await response.EnsureStatusAsync(HttpStatusCode.NoContent);
    }

    /// <summary>Asserts a 400 whose errors name <paramref name="field"/>.</summary>
    public static async Task AssertRefusedAsync(this HttpResponseMessage response, string field)
    {
        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"Expected an error for '{field}', got: {errors.ToJsonString()}");
    }

    public static string Text(this JsonNode node, string field) => node[field]!.GetValue<string>();
}
