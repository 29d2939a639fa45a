using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// A standalone hub that signs in at the test OpenID Connect provider (ADR 0071), both as real
/// processes on loopback, and Chromium to sign in with. One provider for the test assembly. The
/// provider's access tokens live <see cref="AccessTokenLifetime"/>, so a test sees one expire and
/// the UI renew it; roles travel in a <c>groups</c> claim, which the hub is told to read.
/// </summary>
public sealed class OidcHub : IAsyncLifetime
{
    public const string Collection = "oidc hub";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(8);

    private readonly string _dataPath = Directory.CreateTempSubdirectory("kh-web-oidc-").FullName;
    private HubProcess? _hub;
    private OidcProvider? _provider;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public Uri Url
    {
        get
        {
            Requirements.SkipUnlessMet(_unavailable);
            return _hub!.Url;
        }
    }

    public OidcProvider Provider
    {
        get
        {
            Requirements.SkipUnlessMet(_unavailable);
            return _provider!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        _unavailable = Requirements.Oidc() ?? Requirements.Chromium();
        if (_unavailable is not null)
        {
            return;
        }

        var providerPort = LoopbackPorts.Unused();
        _hub = WebHub.StartHub(
            _dataPath,
            ("Auth__Oidc__Authority", $"http://127.0.0.1:{providerPort}/"),
            ("Auth__RequireHttpsMetadata", "false"),
            ("Auth__Oidc__ClientId", OidcProvider.WebClientId),
            ("Auth__Oidc__ClientSecret", OidcProvider.WebClientSecret),
            ("Auth__Oidc__Audience", OidcProvider.Audience),
            ("Auth__Oidc__RoleClaim", "groups"),
            ("Auth__Oidc__DisplayName", "Test provider"));
        var ready = _hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        _provider = await OidcProvider.StartAsync(providerPort, _hub.Url, AccessTokenLifetime, roleClaim: "groups");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Requirements.ChromiumPath, Headless = true });
        await ready;
    }

    /// <summary>A page in a browser context of its own: no cookies, neither the hub's nor the provider's.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Requirements.SkipUnlessMet(_unavailable);
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Url.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a journey on a new page. When it fails, the failure first says where the page was and what
    /// it showed, then the assertion's own message, then what the hub and the provider logged last:
    /// a sign-in crosses both processes and the browser, and the assertion alone cannot say which one stopped.
    /// </summary>
    public async Task JourneyAsync(Func<IPage, Task> journey)
    {
        var page = await NewPageAsync();
        try
        {
            await journey(page);
        }
        catch (Exception exception) when (exception is PlaywrightException or Xunit.Sdk.IAssertionException)
        {
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 });
            throw new Xunit.Sdk.XunitException(
                $"At {page.Url}, showing: {shown.ReplaceLineEndings(" ")[..Math.Min(shown.Length, 200)]}\n{exception.Message}\n{RecentOutput}", exception);
        }
    }

    public HttpClient Client(string? accessToken = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    public string RecentOutput => $"--- hub ---\n{_hub?.RecentOutput}\n--- provider ---\n{_provider?.RecentOutput}";

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Directory.Delete(_dataPath, recursive: true);
    }
}

[CollectionDefinition(OidcHub.Collection)]
public sealed class OidcHubCollection : ICollectionFixture<OidcHub>;
