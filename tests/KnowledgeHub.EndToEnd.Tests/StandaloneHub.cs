using KnowledgeHub.ServiceDefaults;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// The whole hub in one process, as <c>dotnet run --project gateway/KnowledgeHub.Gateway</c> starts
/// it, on a data folder of its own. <see cref="RestartAsync"/> stops it and starts it again on the same folder.
/// </summary>
public sealed class StandaloneHub : IAsyncDisposable
{
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private WebApplicationFactory<Program> _factory;
    private HostDisposal _disposal = new();

    public StandaloneHub(Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataPath = Directory.CreateTempSubdirectory("kh-standalone-").FullName;
        _configureServices = configureServices;
        _settings = settings ?? new Dictionary<string, string?>();
        _factory = Create();
    }

    public string DataPath { get; }

    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClient() => _factory.CreateClient();

    public async Task RestartAsync()
    {
        await _disposal.DisposeAsync(_factory);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _disposal = new HostDisposal();
        _factory = Create();
    }

    public async ValueTask DisposeAsync()
    {
        await _disposal.DisposeAsync(_factory);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await HubDataFolder.DeleteAsync(DataPath);
    }

    private WebApplicationFactory<Program> Create() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting(DataFolder.SettingName, DataPath);
            builder.UseSetting("RateLimiting:PermitsPerSecond", "1000");
            builder.UseSetting("RateLimiting:Burst", "1000");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(_disposal.Watch);
            if (_configureServices is not null)
            {
                builder.ConfigureTestServices(_configureServices);
            }
        });
}
