using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>The API of a hub that trusts an OpenID Connect provider: its access tokens and nothing else (ADR 0071).</summary>
[Collection(OidcHub.Collection)]
public sealed class OidcApiTests(OidcHub hub)
{
    [Fact]
    public async Task The_providers_access_token_reaches_a_service_as_the_person_of_its_email_with_the_roles_of_the_configured_claim()
    {
        using var admin = hub.Client(await hub.Provider.PasswordTokenAsync("ada"));
        using var employee = hub.Client(await hub.Provider.PasswordTokenAsync("eve"));

        var me = await admin.GetJsonAsync("/api/people/me");
        Assert.Equal("Ada Admin", me["displayName"]!.GetValue<string>());
        // The e-mail names the person, as imports and SCIM provisioning do: one person, however they arrived.
        Assert.Equal(PersonIds.FromEmail("ada@oidc.example").ToString(), me["id"]!.GetValue<string>());
        using var adminAudit = await admin.GetAsync("/api/audit", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, adminAudit.StatusCode);
        using var employeeAudit = await employee.GetAsync("/api/audit", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, employeeAudit.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        using var client = hub.Client(await hub.Provider.PasswordTokenAsync("ada", OidcProvider.OtherClientId));

        await AssertRefusedAsync(client);
    }

    [Fact]
    public async Task Tokens_from_another_issuer_with_another_key_or_expired_are_refused()
    {
        using var otherKey = RSA.Create(2048);
        string[] tokens =
        [
            hub.Provider.Forge(issuer: "https://login.attacker.example/"),
            hub.Provider.Forge(key: new RsaSecurityKey(otherKey) { KeyId = "test-provider" }),
            hub.Provider.Forge(expiresIn: TimeSpan.FromMinutes(-2)),
        ];

        foreach (var token in tokens)
        {
            using var client = hub.Client(token);
            await AssertRefusedAsync(client);
        }

        using var control = hub.Client(hub.Provider.Forge());
        using var accepted = await control.GetAsync("/api/people/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task The_development_sign_in_is_off()
    {
        using var client = hub.Client();

        using var response = await client.PostAsJsonAsync("/api/auth/dev-login", new { email = "mallory@example.com", roles = new[] { "admin" } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/people/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
