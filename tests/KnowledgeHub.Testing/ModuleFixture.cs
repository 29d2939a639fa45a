using KnowledgeHub.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Testing;

/// <summary>
/// A class fixture that hosts one module on one provider. PostgreSQL fixtures skip their tests
/// with the reason when no server can be had; SQLite always runs.
/// </summary>
public abstract class ModuleFixture(string moduleName, DatabaseProvider provider) : IAsyncLifetime
{
    private ModuleTestHost? _host;
    private string? _unavailable;

    public DatabaseProvider Provider => provider;

    /// <summary>The host; skips the calling test when its database cannot be had.</summary>
    public ModuleTestHost Host
    {
        get
        {
            Requirements.SkipUnlessMet(_unavailable);
            return _host!;
        }
    }

    protected abstract void AddModule(WebApplicationBuilder builder);

    protected abstract void MapModule(WebApplication app);

    /// <summary>Settings on top of the defaults, read after <see cref="PrepareAsync"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Gets other resources ready (a broker's virtual host, say); returns why they cannot be had, or null.</summary>
    protected virtual ValueTask<string?> PrepareAsync() => ValueTask.FromResult<string?>(null);

    /// <summary>Replaces services after the bus is registered (a fault-injecting bus, say); the bus's own registration refuses earlier ones.</summary>
    protected virtual void AfterBus(IServiceCollection services)
    {
    }

    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            _unavailable = await PostgresServer.UnavailableReasonAsync();
            if (_unavailable is not null)
            {
                return;
            }
        }

        _unavailable = await PrepareAsync();
        if (_unavailable is null)
        {
            _host = await ModuleTestHost.StartAsync(moduleName, provider, AddModule, MapModule, Settings, AfterBus);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }
}
