using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>A running hub reached through its gateway, whichever topology it has.</summary>
public interface IHubUnderTest
{
    string Topology { get; }

    /// <summary>A new client for the gateway: no token, base address set.</summary>
    HttpClient NewClient();

    /// <summary>Skips the calling test when this topology cannot run here.</summary>
    void SkipIfUnavailable();
}

/// <summary>Settings both shared hubs run with.</summary>
public static class SharedHubSettings
{
    /// <summary>
    /// Reminders of a status report or a check-in come after seconds, not weeks, so the notification
    /// journeys see them (ADR 0059). Every active project of the hub is reminded once per window.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Reminders = new Dictionary<string, string>
    {
        ["Alignment:Reminders:StatusReportAfter"] = "00:00:05",
        ["Alignment:Reminders:CheckInAfter"] = "00:00:05",
        ["Alignment:Reminders:PollInterval"] = "00:00:01",
    };

    /// <summary>The bearer token of the SCIM journeys (ADR 0068).</summary>
    public const string ScimToken = "end-to-end-scim-token-0123456789abcdef";

    /// <summary>Every shared setting: the reminders and SCIM's token.</summary>
    public static readonly IReadOnlyDictionary<string, string> All =
        new Dictionary<string, string>(Reminders) { ["Scim:Token"] = ScimToken };

    /// <summary><see cref="All"/> as environment variables of a service process.</summary>
    public static IReadOnlyDictionary<string, string> SharedEnvironment =>
        All.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);
}

/// <summary>One standalone hub shared by every test class of the <c>standalone</c> collection.</summary>
public sealed class StandaloneHubFixture : IHubUnderTest, IAsyncLifetime
{
    public const string Collection = "standalone";

    public StandaloneHub Hub { get; } = new(settings: SharedHubSettings.All.ToDictionary(setting => setting.Key, setting => (string?)setting.Value));

    public string Topology => "standalone";

    public HttpClient NewClient() => Hub.CreateClient();

    public void SkipIfUnavailable()
    {
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}

/// <summary>One six-process hub shared by every test class of the <c>distributed</c> collection.</summary>
public sealed class DistributedHubFixture : IHubUnderTest, IAsyncLifetime
{
    public const string Collection = "distributed";

    private string? _unavailable;

    public DistributedHub Hub { get; private set; } = null!;

    public string Topology => "distributed";

    public HttpClient NewClient() => Hub.CreateGatewayClient();

    public void SkipIfUnavailable() => Requirements.SkipUnlessMet(_unavailable);

    public async ValueTask InitializeAsync()
    {
        _unavailable = await DistributedHub.UnavailableReasonAsync();
        if (_unavailable is null)
        {
            Hub = await DistributedHub.StartAsync(serviceEnvironment: SharedHubSettings.SharedEnvironment);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_unavailable is null)
        {
            await Hub.DisposeAsync();
        }
    }
}

[CollectionDefinition(StandaloneHubFixture.Collection)]
public sealed class StandaloneCollection : ICollectionFixture<StandaloneHubFixture>;

[CollectionDefinition(DistributedHubFixture.Collection)]
public sealed class DistributedCollection : ICollectionFixture<DistributedHubFixture>;
