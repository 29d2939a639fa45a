using System.Net;
using System.Net.Http.Headers;
using KnowledgeHub.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>Forged and broken tokens are refused with 401 at the gateway.</summary>
[Collection(SecuredHub.Collection)]
public sealed class TokenAttacksAtTheGatewayTests(SecuredHub hub)
{
    private ForgedTokens Tokens => new(
        hub.Services.GetRequiredService<DevSigningKey>(),
        hub.Services.GetRequiredService<AuthSettings>(),
        hub.Person(Role.Employee).Email);

    [Fact]
    public async Task A_genuine_token_is_accepted()
    {
        using var client = hub.ClientWithToken(Tokens.Valid());
        using var response = await client.GetAsync("/api/people/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TokenAttackData.All), MemberType = typeof(TokenAttackData))]
    public async Task A_forged_token_is_refused(TokenAttack attack)
    {
        using var client = hub.ClientWithToken(Tokens.Forge(attack));
        using var response = await client.GetAsync("/api/people/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Issue 21: a token from the wrong issuer or for the wrong audience is refused and the attempt audited (once a minute per kind, ADR 0073).</summary>
    [Fact]
    public async Task Tokens_from_the_wrong_issuer_or_for_the_wrong_audience_are_refused_and_audited_without_the_token()
    {
        var forged = new Dictionary<TokenAttack, string> { [TokenAttack.WrongIssuer] = "wrong issuer", [TokenAttack.WrongAudience] = "wrong audience", [TokenAttack.ExpiredBeyondTheClockSkew] = "expired" };
        foreach (var attack in forged.Keys)
        {
            using var client = hub.ClientWithToken(Tokens.Forge(attack));
            using var response = await client.GetAsync("/api/communities", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var admin = hub.Client(Role.Admin);
        var entries = await Eventually.GetAsync(
            async () => (await admin.GetJsonAsync("/api/audit?action=auth.token.refused&limit=100"))["items"]!.AsArray() is var items
                && forged.Values.All(reason => items.Any(entry => entry!["details"]!["reason"]!.GetValue<string>() == reason)) ? items : null,
            TimeSpan.FromSeconds(30),
            "the refused tokens in the audit trail");
        Assert.All(entries, entry => Assert.Equal(("anonymous", "token"), (entry!["actor"]!.GetValue<string>(), entry["target"]!.GetValue<string>())));
        Assert.DoesNotContain("eyJ", entries.ToJsonString(), StringComparison.Ordinal);
    }
}

/// <summary>
/// A service validates tokens itself (zero trust): the Communities module hosted alone, as its own
/// host runs it, refuses the same forgeries with its own validation.
/// </summary>
public sealed class TokenAttacksAtAServiceTests(CommunitiesServiceHost service) : IClassFixture<CommunitiesServiceHost>
{
    private ForgedTokens Tokens => new(service.Host.Get<DevSigningKey>(), service.Host.Get<AuthSettings>(), "mallory@example.com");

    [Fact]
    public async Task A_genuine_token_is_accepted()
    {
        using var response = await SendAsync(Tokens.Valid());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TokenAttackData.All), MemberType = typeof(TokenAttackData))]
    public async Task A_forged_token_is_refused(TokenAttack attack)
    {
        using var response = await SendAsync(Tokens.Forge(attack));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string token)
    {
        using var client = service.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/communities", TestContext.Current.CancellationToken);
    }
}

public static class TokenAttackData
{
    public static TheoryData<TokenAttack> All() => new(Enum.GetValues<TokenAttack>());
}

/// <summary>The Communities service on its own, on SQLite, with its own signing key.</summary>
public sealed class CommunitiesServiceHost : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync(CommunitiesModule.Name, DatabaseProvider.Sqlite, builder => builder.AddCommunities(), app => app.MapCommunities());

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
