using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The distributed topology on an OpenID Connect provider (ADR 0071): the test provider as a process,
/// the gateway and every service host told only its authority and audience, over PostgreSQL and RabbitMQ.
/// </summary>
public sealed class OidcDistributedHubFixture : IAsyncLifetime
{
    private string? _unavailable;

    private OidcProvider? _provider;
    private DistributedHub? _hub;

    public OidcProvider Provider => _provider!;

    public DistributedHub Hub => _hub!;

    public void SkipIfUnavailable() => Requirements.SkipUnlessMet(_unavailable);

    public async ValueTask InitializeAsync()
    {
        _unavailable = Requirements.Oidc() ?? await DistributedHub.UnavailableReasonAsync();
        if (_unavailable is not null)
        {
            return;
        }

        // Only the password grant is used here: no web UI to send users back to.
        _provider = await OidcProvider.StartAsync(LoopbackPorts.Unused(), new Uri("http://127.0.0.1/"), TimeSpan.FromMinutes(5), roleClaim: "groups");
        var validation = new Dictionary<string, string>
        {
            ["Auth__Oidc__Authority"] = Provider.Authority.ToString(),
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Auth__Oidc__Audience"] = OidcProvider.Audience,
            ["Auth__Oidc__RoleClaim"] = "groups",
        };
        _hub = await DistributedHub.StartAsync(
            serviceEnvironment: validation,
            gatewayEnvironment: new Dictionary<string, string>(validation) { ["Auth__Oidc__ClientId"] = OidcProvider.WebClientId });
    }

    /// <summary>Whatever started, also when the hub failed to (the provider is a process of its own).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}

public sealed class OidcDistributedTests(OidcDistributedHubFixture fixture) : IClassFixture<OidcDistributedHubFixture>
{
    [Fact]
    public async Task The_providers_token_passes_the_gateway_and_each_service_with_the_roles_of_the_configured_claim()
    {
        fixture.SkipIfUnavailable();
        using var admin = Client(fixture.Hub.Gateway.Url, await fixture.Provider.PasswordTokenAsync("ada"));
        using var employee = Client(fixture.Hub.Gateway.Url, await fixture.Provider.PasswordTokenAsync("eve"));

        var me = await admin.GetJsonAsync("/api/people/me");
        Assert.Equal(PersonIds.FromEmail("ada@oidc.example").ToString(), me["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, "/api/audit"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(employee, "/api/audit"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(employee, "/api/communities"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(employee, "/api/projects"));
    }

    [Fact]
    public async Task A_service_on_its_own_refuses_tokens_for_another_audience_from_another_issuer_or_key_and_expired_ones()
    {
        fixture.SkipIfUnavailable();
        var communities = fixture.Hub.Services["communities"].Url;
        using var otherKey = RSA.Create(2048);
        string[] refused =
        [
            await fixture.Provider.PasswordTokenAsync("ada", OidcProvider.OtherClientId),
            fixture.Provider.Forge(issuer: "https://login.attacker.example/"),
            fixture.Provider.Forge(key: new RsaSecurityKey(otherKey) { KeyId = "test-provider" }),
            fixture.Provider.Forge(expiresIn: TimeSpan.FromMinutes(-2)),
        ];

        foreach (var token in refused)
        {
            using var client = Client(communities, token);
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/api/communities"));
        }

        using var genuine = Client(communities, await fixture.Provider.PasswordTokenAsync("eve"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(genuine, "/api/communities"));
    }

    /// <summary>Issue 21: the gateway hosts no service here, so it hands refused tokens to Expertise, whose trail records them (ADR 0073).</summary>
    [Fact]
    public async Task Tokens_the_gateway_refuses_for_another_audience_or_issuer_are_audited()
    {
        fixture.SkipIfUnavailable();
        var gateway = fixture.Hub.Gateway.Url;
        foreach (var token in new[] { await fixture.Provider.PasswordTokenAsync("ada", OidcProvider.OtherClientId), fixture.Provider.Forge(issuer: "https://login.attacker.example/") })
        {
            using var client = Client(gateway, token);
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/api/communities"));
        }

        using var admin = Client(gateway, await fixture.Provider.PasswordTokenAsync("ada"));
        await Eventually.AssertAsync(
            async () =>
            {
                // Refused again by Expertise on the route the gateway hands them to, not by a service called directly.
                var reasons = (await admin.GetJsonAsync("/api/audit?action=auth.token.refused&limit=100"))["items"]!.AsArray()
                    .Where(entry => entry!["service"]!.GetValue<string>() == "expertise" && entry["details"]!["path"]!.GetValue<string>() == "/api/people/me/access")
                    .Select(entry => entry!["details"]!["reason"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                return reasons.IsSupersetOf(["wrong audience", "wrong issuer"]);
            },
            TimeSpan.FromSeconds(30),
            "the gateway's refused tokens in the audit trail");
    }

    private static HttpClient Client(Uri url, string token) => new()
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
