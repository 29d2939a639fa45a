using System.Net;
using Xunit;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// The dev sign-in lets anyone be anyone, so it is on only where someone switched it on (the
/// Development environment of <c>dotnet run</c>, or <c>Auth:DevSignIn:Enabled</c>), never next to a
/// real identity provider, and the gateway warns while it is on.
/// </summary>
public sealed class DevSignInConfigurationTests
{
    private const string Warning = "Development sign-in is enabled";

    [Fact]
    public async Task A_production_gateway_has_no_dev_sign_in_unless_it_is_switched_on()
    {
        await using var gateway = new GatewayUnderTest("Production");
        using var client = gateway.Factory.CreateClient();

        using var signIn = await client.PostAsync("/api/auth/dev-login", Json("""{"email":"mallory@example.com","roles":["admin"]}"""), TestContext.Current.CancellationToken);
        using var keys = await client.GetAsync("/.well-known/jwks.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, keys.StatusCode);
        Assert.DoesNotContain(gateway.Logs.Warnings, message => message.Contains(Warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gateway_with_dev_sign_in_switched_on_signs_in_and_logs_a_warning()
    {
        await using var gateway = new GatewayUnderTest("Production", ("Auth:DevSignIn:Enabled", "true"));
        using var client = gateway.Factory.CreateClient();

        using var signIn = await client.PostAsync("/api/auth/dev-login", Json("""{"email":"dev@example.com"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(gateway.Logs.Warnings, message => message.Contains(Warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_identity_provider_the_dev_sign_in_stays_off_even_when_switched_on()
    {
        await using var gateway = new GatewayUnderTest("Development", ("Auth:Authority", "https://login.example.com"), ("Auth:DevSignIn:Enabled", "true"));
        using var client = gateway.Factory.CreateClient();

        using var signIn = await client.PostAsync("/api/auth/dev-login", Json("""{"email":"dev@example.com"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Contains(gateway.Logs.Warnings, message => message.Contains("Auth:DevSignIn:Enabled is ignored", StringComparison.Ordinal));
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
