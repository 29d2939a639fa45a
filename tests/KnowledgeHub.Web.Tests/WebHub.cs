using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// A standalone hub as a real process on a loopback port (the browser needs a socket) on a fresh
/// data folder, Debian's Chromium driven headless by Playwright, and axe-core to inject into pages.
/// Without Chromium or axe-core nothing starts and every test that uses the hub skips with the reason:
/// an accessibility check that did not run is reported as skipped, never as passed.
/// </summary>
public sealed class WebHub : IAsyncLifetime
{
    public const string Collection = "web hub";

    private readonly string _dataPath = Directory.CreateTempSubdirectory("kh-web-").FullName;
    private HubProcess? _hub;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    /// <summary>The hub's address; skips the calling test when Chromium or axe-core is missing.</summary>
    public Uri Url
    {
        get
        {
            Requirements.SkipUnlessMet(_unavailable);
            return _hub!.Url;
        }
    }

    public IBrowser Browser
    {
        get
        {
            Requirements.SkipUnlessMet(_unavailable);
            return _browser!;
        }
    }

    /// <summary>axe-core's source, installed by <c>npm ci</c> in this project's folder.</summary>
    public string AxeScript { get; private set; } = "";

    /// <summary>Where screenshots go: the test output, kept as artefacts of the run.</summary>
    public string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        _unavailable = Requirements.Chromium() ?? Requirements.AxeCore(ProjectFolder());
        if (_unavailable is not null)
        {
            return;
        }

        AxeScript = await File.ReadAllTextAsync(Requirements.AxeCorePath(ProjectFolder()));
        _hub = StartHub(_dataPath);
        var ready = _hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Requirements.ChromiumPath, Headless = true });
        await ready;
    }

    /// <summary>A page in a browser context of its own, on this hub or on <paramref name="otherHub"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri? otherHub = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = (otherHub ?? Url).ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A standalone hub as <c>dotnet run --project gateway/KnowledgeHub.Gateway</c> starts it, on its own port and data folder.</summary>
    public static HubProcess StartHub(string dataPath, params (string Key, string Value)[] settings)
    {
        var hub = HubProcess.Standalone(
            dataPath,
            [("ASPNETCORE_ENVIRONMENT", "Development"), ("RateLimiting__PermitsPerSecond", "1000"), ("RateLimiting__Burst", "1000"), .. settings]);
        hub.Start();
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Directory.Delete(_dataPath, recursive: true);
    }

    /// <summary>This project's source folder, where <c>npm ci</c> puts node_modules.</summary>
    private static string ProjectFolder()
    {
        var output = Path.GetDirectoryName(DistributedHub.BuildOutput("tests/KnowledgeHub.Web.Tests", "KnowledgeHub.Web.Tests.dll"))!;
        return Path.GetFullPath(Path.Combine(output, "..", "..", ".."));
    }
}

[CollectionDefinition(WebHub.Collection)]
public sealed class WebHubCollection : ICollectionFixture<WebHub>;
