using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// The few Elasticsearch 8 REST calls the adapter makes, over <see cref="HttpClient"/> with
/// System.Text.Json (the official .NET client is not on the package registry here). Bulk and
/// multi-search bodies are newline-delimited JSON, each line ending in a newline.
/// </summary>
internal sealed class ElasticsearchClient(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue NdJson = new("application/x-ndjson");

    public Task CreateIndexAsync(string index, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, Uri.EscapeDataString(index), Content(body), cancellationToken);

    public async Task<bool> IndexExistsAsync(string index, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Head, Uri.EscapeDataString(index), null, cancellationToken, HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public Task DeleteIndexAsync(string index, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Uri.EscapeDataString(index), null, cancellationToken, HttpStatusCode.NotFound);

    public Task RefreshAsync(string index, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"{Uri.EscapeDataString(index)}/_refresh", null, cancellationToken);

    public Task PutSettingsAsync(string index, JsonObject settings, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"{Uri.EscapeDataString(index)}/_settings", Content(settings), cancellationToken);

    /// <summary>The index an alias points to, or null when there is no such alias.</summary>
    public async Task<string?> IndexOfAliasAsync(string alias, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"_alias/{Uri.EscapeDataString(alias)}", null, cancellationToken, HttpStatusCode.NotFound);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var body = await ReadAsync(response, cancellationToken);
        return body.RootElement.EnumerateObject().Select(index => index.Name).FirstOrDefault();
    }

    /// <summary>Applies alias actions atomically: searches see either the old index or the new one.</summary>
    public Task UpdateAliasesAsync(JsonArray actions, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "_aliases", Content(new JsonObject { ["actions"] = actions }), cancellationToken);

    public async Task<JsonDocument> BulkAsync(IEnumerable<JsonObject> lines, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "_bulk", NdJsonContent(lines), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<JsonDocument> SearchAsync(string index, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"{Uri.EscapeDataString(index)}/_search", Content(body), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<JsonDocument> MultiSearchAsync(string index, IEnumerable<JsonObject> searches, CancellationToken cancellationToken)
    {
        var lines = searches.SelectMany(search => new[] { new JsonObject(), search });
        using var response = await SendAsync(HttpMethod.Post, $"{Uri.EscapeDataString(index)}/_msearch", NdJsonContent(lines), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static StringContent Content(JsonObject body) =>
        new(body.ToJsonString(), Encoding.UTF8, Json);

    private static StringContent NdJsonContent(IEnumerable<JsonObject> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.ToJsonString()).Append('\n');
        }

        return new StringContent(text.ToString(), Encoding.UTF8, NdJson);
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, HttpStatusCode? alsoAccepted = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == alsoAccepted)
        {
            return response;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        response.Dispose();
        throw new HttpRequestException(
            $"Elasticsearch answered {(int)response.StatusCode} to {method} /{path}: {(detail.Length > 500 ? detail[..500] : detail)}",
            null,
            response.StatusCode);
    }
}
