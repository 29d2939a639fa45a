using System.Text.Json.Nodes;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Search.Tests;

/// <summary>Reading the search API as a client does.</summary>
internal static class SearchApi
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static string Marker(string prefix = "zs") => prefix + Guid.NewGuid().ToString("N")[..8];

    public static Task<JsonNode> SearchAsync(this HttpClient client, string query) => client.GetJsonAsync($"/api/search?{query}");

    public static async Task<List<string>> IdsAsync(this HttpClient client, string query) =>
        Ids(await client.SearchAsync(query));

    public static List<string> Ids(JsonNode results) =>
        results["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToList();

    public static async Task<JsonArray> SuggestAsync(this HttpClient client, string query) =>
        (await client.GetJsonAsync($"/api/search/suggest?{query}")).AsArray();

    /// <summary>Waits until a search for <paramref name="query"/> answers exactly <paramref name="expected"/> ids, in any order.</summary>
    public static Task UntilIdsAsync(this HttpClient client, string query, params Guid[] expected) =>
        Eventually.AssertAsync(
            async () => (await client.IdsAsync(query)).Order().SequenceEqual(expected.Select(id => id.ToString()).Order()),
            Deadline,
            $"'{query}' to find exactly {expected.Length} documents");
}
