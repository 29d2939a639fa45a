using System.Net;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>Signing in to the web UI at the organisation's OpenID Connect provider, in Chromium (ADR 0071).</summary>
[Collection(OidcHub.Collection)]
public sealed class OidcSignInJourneys(OidcHub hub)
{
    /// <summary>A page reached through the provider: four requests across two processes, on a machine the rest of the suite keeps busy.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions AfterTheProvider = new() { Timeout = 15_000 };

    [Fact]
    public Task An_admin_signs_in_at_the_provider_keeps_working_after_the_access_token_expired_and_signs_out() => hub.JourneyAsync(async page =>
    {
        await page.GotoAsync("/me");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fme$"));
        await Assertions.Expect(page.GetByLabel("E-mail")).ToHaveCountAsync(0);
        await SignInAtProviderAsync(page, "ada");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/me$"));
        await Assertions.Expect(page.Locator(".viewer-name")).ToHaveTextAsync("Ada Admin");
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToBeVisibleAsync();

        var first = await AccessTokenAsync(page);
        var expired = first.ValidTo - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        await Task.Delay(expired > TimeSpan.Zero ? expired : TimeSpan.Zero, TestContext.Current.CancellationToken);
        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/audit$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Audit trail");
        var renewed = await AccessTokenAsync(page);
        Assert.True(renewed.ValidTo > first.ValidTo, "The page was served with a renewed access token.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test provider" })).ToBeVisibleAsync(AfterTheProvider);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name.StartsWith("kh_", StringComparison.Ordinal));
        await page.GotoAsync("/me");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fme$"));
        // The provider's session ended too: signing in again asks for the password.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test provider" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Password")).ToBeVisibleAsync(AfterTheProvider);
    });

    [Fact]
    public Task An_employee_signed_in_at_the_provider_sees_their_name_and_no_admin_pages() => hub.JourneyAsync(async page =>
    {
        await page.GotoAsync("/signin");
        await SignInAtProviderAsync(page, "eve");

        await Assertions.Expect(page.Locator(".viewer-name")).ToHaveTextAsync("Eve Employee");
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "My profile" })).ToBeVisibleAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveCountAsync(0);
    });

    [Theory]
    [InlineData("/signin-oidc?state=forged&code=stolen")]
    [InlineData("/signin-oidc")]
    [InlineData("/signin-oidc?error=access_denied")]
    public async Task A_callback_that_cannot_be_accepted_is_a_page_saying_so(string callback)
    {
        using var client = hub.Client();

        using var response = await client.GetAsync(callback, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign-in did not complete", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(cookie => cookie.StartsWith("kh_token=", StringComparison.Ordinal) && !cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal)));
    }

    private static async Task SignInAtProviderAsync(IPage page, string user)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Test provider" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(user + "-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to the provider" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(AfterTheProvider);
    }

    private static async Task<JsonWebToken> AccessTokenAsync(IPage page) =>
        new((await page.Context.CookiesAsync()).Single(cookie => cookie.Name == "kh_token").Value);
}
