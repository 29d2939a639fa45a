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
