using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
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
                // Headers first: a probe that is accepted by the live stream (text/event-stream) never ends its body.
                using var response = await clients[probe.Caller].SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
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
        // SCIM answers its errors in its own format (RFC 7644 §3.12), everything else as RFC 9457 problems;
        // a body over the size limit is refused before any route reads it, SCIM's too.
        var scim = response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/scim/", StringComparison.Ordinal) == true && status != 413;
        var errorType = scim ? "application/scim+json" : "application/problem+json";
        if (response.Content.Headers.ContentType?.MediaType != errorType)
        {
            return $"not a problem ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}): {body[..Math.Min(body.Length, 200)]}";
        }

        return ErrorBodies.Leak(body) is { } leak ? $"shows '{leak}'" : null;
    }

    /// <summary>Issue 24: a validly signed token without a usable subject answered 500 on most routes.</summary>
    [Fact]
    public async Task A_signed_token_with_an_odd_subject_is_refused_on_every_route_as_if_it_had_none()
    {
        var tokens = new ForgedTokens(_hub.Services.GetRequiredService<DevSigningKey>(), _hub.Services.GetRequiredService<AuthSettings>(), _hub.Person(Role.Employee).Email);
        var failures = new List<string>();
        foreach (var attack in new[] { TokenAttack.SubjectMissing, TokenAttack.SubjectNotAUuid, TokenAttack.SubjectIsTheEmptyUuid })
        {
            using var client = _hub.ClientWithToken(tokens.Forge(attack));
            foreach (var (route, probe) in MalformedRequests.Unbroken(_hub.World))
            {
                using var request = probe.ToRequest();
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                // Refused as if no token came: 401, or whatever a route open to anonymous callers answers them.
                if ((int)response.StatusCode != route.StatusFor(Role.Anonymous))
                {
                    failures.Add($"{probe.Method} {probe.Path} with {attack} answered {(int)response.StatusCode}, not {route.StatusFor(Role.Anonymous)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests were not refused:\n{string.Join("\n", failures.Take(25))}");
    }

    public ValueTask InitializeAsync() => _hub.InitializeAsync();

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
