using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeHub.Testing;

/// <summary>JSON over HTTP as a client sees it: raw nodes, not the server's internal types.</summary>
public static class HttpJson
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new JsonException($"Empty body from {response.RequestMessage?.RequestUri}.");
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await response.EnsureStatusAsync(System.Net.HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>Posts JSON and returns the parsed body, asserting the status first.</summary>
    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body, System.Net.HttpStatusCode expected)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        await response.EnsureStatusAsync(expected);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> PutJsonAsync(this HttpClient client, string url, object body, System.Net.HttpStatusCode expected)
    {
        using var response = await client.PutAsJsonAsync(url, body);
        await response.EnsureStatusAsync(expected);
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// Sends until the answer is not 429 (nor one of <paramref name="alsoWaitOn"/>), waiting each time as
    /// its Retry-After says (a second without one), as a client told to slow down should; after
    /// <paramref name="patience"/> the last answer is returned whatever it is. The caller disposes it.
    /// </summary>
    public static async Task<HttpResponseMessage> SendRespectingRetryAfterAsync(Func<Task<HttpResponseMessage>> send, TimeSpan patience, params System.Net.HttpStatusCode[] alsoWaitOn)
    {
        var giveUpAt = DateTime.UtcNow + patience;
        var response = await send();
        while ((response.StatusCode == System.Net.HttpStatusCode.TooManyRequests || alsoWaitOn.Contains(response.StatusCode)) && DateTime.UtcNow < giveUpAt)
        {
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
            response = await send();
        }

        return response;
    }

    /// <summary>Asserts a status and, on mismatch, shows the body, which usually says why.</summary>
    public static async Task EnsureStatusAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Xunit.Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    /// <summary>Sends raw text as the body, for malformed-input tests.</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) });
}
