using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>
/// A standalone hub as a real process on a loopback port (the browser needs a socket) on a fresh
/// data folder, Debian's Chromium driven headless by Playwright, and axe-core to inject into pages.
/// </summary>
public sealed class WebHub : IAsyncLifetime
{
    public const string Collection = "web hub";

    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _dataPath = Directory.CreateTempSubdirectory("kh-web-").FullName;
    private HubProcess? _hub;
    private IPlaywright? _playwright;

    public Uri Url => _hub!.Url;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>axe-core's source, installed by <c>npm ci</c> in this project's folder.</summary>
    public string AxeScript { get; private set; } = "";

    /// <summary>Where screenshots go: the test output, kept as artefacts of the run.</summary>
    public string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        AxeScript = await File.ReadAllTextAsync(AxePath());
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException("The browser tests drive Debian's Chromium: apt-get install chromium.", ChromiumPath);
        }

        _hub = StartHub(_dataPath);
        var ready = _hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        await ready;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Url.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
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
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Directory.Delete(_dataPath, recursive: true);
    }

    // A missing axe-core fails the run: an accessibility check that silently did not happen is no check.
    private static string AxePath()
    {
        var project = Path.GetDirectoryName(DistributedHub.BuildOutput("tests/KnowledgeHub.Web.Tests", "KnowledgeHub.Web.Tests.dll"))!;
        var path = Path.GetFullPath(Path.Combine(project, "..", "..", "..", "node_modules", "axe-core", "axe.min.js"));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException("axe-core is not installed: run 'npm ci' in tests/KnowledgeHub.Web.Tests.", path);
    }
}

[CollectionDefinition(WebHub.Collection)]
public sealed class WebHubCollection : ICollectionFixture<WebHub>;
