using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KnowledgeHub.Web.Api;

/// <summary>
/// The UI's only way to the hub's data: HTTP calls to the gateway's own public API with the
/// signed-in user's token, so pages work the same whether services run in-process or remote.
/// </summary>
internal sealed class HubApi(HttpClient http, IHttpContextAccessor accessor)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, ct);

    public Task<ApiResult<T>> PostAsync<T>(string path, object body, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, ct);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, ct);

    /// <summary>A replacement made only if the resource is still at <paramref name="version"/> (If-Match); a later change answers 412.</summary>
    public Task<ApiResult<T>> PutIfUnchangedAsync<T>(string path, object body, long version, CancellationToken ct = default) =>
        SendAsAsync<T>(Token(), HttpMethod.Put, path, body, ct, version);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Delete, path, null, ct);

    /// <summary>A call made before anyone is signed in (the dev sign-in itself).</summary>
    public async Task<ApiResult<T>> PostAnonymousAsync<T>(string path, object body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        return await ReadAsync<T>(request, ct);
    }

    /// <summary>A read that needs no one signed in (an erasure's progress, read by the person it erased).</summary>
    public async Task<ApiResult<T>> GetAnonymousAsync<T>(string path, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await ReadAsync<T>(request, ct);
    }

    /// <summary>A call with a token the caller holds (the demo organisation signs its people in itself); a body that is already <see cref="HttpContent"/> goes as it is.</summary>
    public async Task<ApiResult<T>> SendAsAsync<T>(string token, HttpMethod method, string path, object? body, CancellationToken ct = default, long? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, options: Json);
        }

        return await ReadAsync<T>(request, ct);
    }

    /// <summary>
    /// A GET whose answer goes on (server-sent events): returned once its headers arrive, for the
    /// caller to read and dispose. Only the wait for the headers counts against the client's timeout.
    /// </summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new SignInRequiredException();
        }

        return response;
    }

    private Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        SendAsAsync<T>(Token(), method, path, body, ct);

    private string Token()
    {
        var token = accessor.HttpContext is { } context ? TokenCookie.Read(context) : null;
        return string.IsNullOrEmpty(token) ? throw new SignInRequiredException() : token;
    }

    private async Task<ApiResult<T>> ReadAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SignInRequiredException();
        }

        if (response.IsSuccessStatusCode)
        {
            var value = response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent
                ? default
                : await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResult<T>(response.StatusCode, value, null, new Dictionary<string, string[]>());
        }

        var problem = await ReadProblemAsync(response, ct);
        return new ApiResult<T>(response.StatusCode, default, problem?.Title ?? DefaultMessage(response.StatusCode),
            problem?.Errors ?? new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase));
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            var problem = await response.Content.ReadFromJsonAsync<Problem>(Json, ct);
            return problem is null ? null : problem with
            {
                Errors = new Dictionary<string, string[]>(problem.Errors ?? [], StringComparer.OrdinalIgnoreCase),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string DefaultMessage(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => "You are not allowed to do that.",
        HttpStatusCode.NotFound => "That was not found, or you may not see it.",
        HttpStatusCode.Conflict => "That conflicts with what is already there.",
        HttpStatusCode.TooManyRequests => "Too many requests: wait a moment and try again.",
        _ => "The hub could not do that right now. Try again shortly.",
    };

    private sealed record Problem(string? Title, Dictionary<string, string[]>? Errors);
}
