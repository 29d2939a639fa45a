using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// A sweep of generated bad requests over every route: nothing a client sends may answer 5xx, and
/// every refusal is an RFC 9457 problem without stack traces, exception names or SQL.
/// </summary>
/// <remarks>
/// On a hub of its own: a bad request that happens to be accepted (an ignored field, an odd but
/// valid name) changes people, skills and names that the route-by-role matrix also uses.
/// </remarks>
public sealed class MalformedInputTests : IAsyncLifetime
{
    private readonly SecuredHub _hub = new();

    private const int Seed = 20_261_123;
    private const int Count = 1_200;

    [Fact]
    public async Task No_bad_request_answers_5xx_or_shows_internals()
    {
        var world = _hub.World;
        var probes = MalformedRequests.Generate(world, Count, Seed);
        var clients = Enum.GetValues<Role>().ToDictionary(role => role, _hub.Client);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        try
        {
            foreach (var probe in probes)
            {
                using var request = probe.ToRequest();
                using var response = await clients[probe.Caller].SendAsync(request, TestContext.Current.CancellationToken);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (await FailureAsync(response) is { } failure)
                {
                    failures.Add($"{probe} answered {status}: {failure}");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{probes.Count} bad requests (seed {Seed}): {string.Join(", ", statuses.Select(pair => $"{pair.Value} × {pair.Key}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count} bad requests were mishandled:\n{string.Join("\n", failures.Take(25))}");
    }

    private static async Task<string?> FailureAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "a server error";
        }

        if (status < 400)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not a problem ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}): {body[..Math.Min(body.Length, 200)]}";
        }

        return ErrorBodies.Leak(body) is { } leak ? $"shows '{leak}'" : null;
    }

    public ValueTask InitializeAsync() => _hub.InitializeAsync();

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
