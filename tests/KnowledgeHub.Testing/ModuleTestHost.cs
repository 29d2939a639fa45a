using System.Net.Http.Headers;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults;
using KnowledgeHub.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.Testing;

/// <summary>
/// One service module hosted exactly as its own host does (service defaults, module, bus), on a
/// test server, over SQLite in a temporary folder or a fresh PostgreSQL database. Published
/// events are recorded; events "from other services" can be published into its bus.
/// </summary>
public sealed class ModuleTestHost : IAsyncDisposable
{
    private readonly string _moduleName;
    private readonly DatabaseProvider _provider;
    private readonly Action<WebApplicationBuilder> _addModule;
    private readonly Action<WebApplication> _mapModule;
    private readonly Action<IServiceCollection>? _afterBus;
    private readonly IReadOnlyDictionary<string, string?>? _settings;
    private readonly string _folder;
    private readonly string? _postgresDatabase;
    private WebApplication _app = null!;

    private ModuleTestHost(
        string moduleName,
        DatabaseProvider provider,
        Action<WebApplicationBuilder> addModule,
        Action<WebApplication> mapModule,
        IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? afterBus,
        string folder,
        string? postgresDatabase)
    {
        _moduleName = moduleName;
        _provider = provider;
        _addModule = addModule;
        _mapModule = mapModule;
        _settings = settings;
        _afterBus = afterBus;
        _folder = folder;
        _postgresDatabase = postgresDatabase;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The connection string of the host's own PostgreSQL database; null on SQLite.</summary>
    public string? PostgresConnectionString => _postgresDatabase;

    public PublishedEvents Events => _app.Services.GetRequiredService<PublishedEvents>();

    public static async Task<ModuleTestHost> StartAsync(
        string moduleName,
        DatabaseProvider provider,
        Action<WebApplicationBuilder> addModule,
        Action<WebApplication> mapModule,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? afterBus = null)
    {
        var folder = Directory.CreateTempSubdirectory($"kh-{moduleName}-").FullName;
        var postgresDatabase = provider == DatabaseProvider.Postgres ? await PostgresServer.CreateDatabaseAsync(moduleName) : null;
        var host = new ModuleTestHost(moduleName, provider, addModule, mapModule, settings, afterBus, folder, postgresDatabase);
        await host.BuildAndStartAsync();
        return host;
    }

    /// <summary>Stops the host and starts a new one on the same data, as after a crash or a deployment.</summary>
    public async Task RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await BuildAndStartAsync();
    }

    private async Task BuildAndStartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = _folder });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DataFolder.SettingName] = _folder,
            [DatabaseRegistration.ProviderSetting] = _provider.ToString(),
            [$"ConnectionStrings:{_moduleName}"] = _postgresDatabase,
            ["Auth:SigningKeyPath"] = Path.Combine(_folder, "signing-key.pem"),
        });
        if (_settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(_settings);
        }

        builder.AddServiceDefaults(_moduleName);
        _addModule(builder);
        builder.Services.AddSingleton<PublishedEvents>();
        builder.AddKnowledgeHubBus();
        _afterBus?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseServiceDefaults();
        _mapModule(app);
        app.Services.GetRequiredService<IBus>().ConnectPublishObserver(app.Services.GetRequiredService<PublishedEvents>());
        await app.StartAsync();
        _app = app;
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/> (anonymous when null).</summary>
    public HttpClient CreateClient(TestUser? user = null)
    {
        var client = _app.GetTestClient();
        if (user is not null)
        {
            var token = _app.Services.GetRequiredService<DevTokenIssuer>().Issue(user.Email, user.DisplayName, user.Department, user.Roles);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Publishes an event into the host's bus, as another service's relay would.</summary>
    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await _app.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
        return id;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgresDatabase);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
