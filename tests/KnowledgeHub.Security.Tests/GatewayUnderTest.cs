using System.Collections.Concurrent;
using KnowledgeHub.ServiceDefaults;
using KnowledgeHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// A standalone gateway of its own, in a given environment and with given settings, for checks of
/// configuration that the shared hub cannot have; every warning it logs is recorded.
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("kh-gateway-").FullName;
    private readonly HostDisposal _disposal = new();

    public GatewayUnderTest(string environment, params (string Key, string Value)[] settings)
        : this(environment, configureServices: null, settings)
    {
    }

    public GatewayUnderTest(string environment, Action<IServiceCollection>? configureServices, params (string Key, string Value)[] settings)
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureTestServices(_disposal.Watch);
            if (configureServices is not null)
            {
                builder.ConfigureTestServices(configureServices);
            }

            builder.UseEnvironment(environment);
            builder.UseSetting(DataFolder.SettingName, _dataPath);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    public RecordedWarnings Logs { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _disposal.DisposeAsync(Factory);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await HubDataFolder.DeleteAsync(_dataPath);
    }
}

/// <summary>Keeps every warning any logger writes.</summary>
public sealed class RecordedWarnings : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _warnings = new();

    public IReadOnlyCollection<string> Warnings => _warnings;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            // The exception too: a 500 in a test run is only explained by the server's stack trace.
            _warnings.Enqueue(exception is null ? formatter(state, exception) : $"{formatter(state, exception)}\n{exception}");
        }
    }

    public void Dispose()
    {
    }
}
