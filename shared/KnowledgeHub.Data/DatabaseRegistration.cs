using KnowledgeHub.ServiceDefaults;
using KnowledgeHub.ServiceDefaults.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Data;

public static class DatabaseRegistration
{
    public const string ProviderSetting = "Database:Provider";

    /// <summary>
    /// Registers a module's database: <typeparamref name="TDatabase"/> as a singleton, its migrations
    /// applied at start before any request is served, and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddModuleDatabase<TDatabase>(
        this IHostApplicationBuilder builder,
        string name,
        params MigrationSource[] migrations)
        where TDatabase : ModuleDatabase
    {
        var settings = ResolveSettings(builder.Configuration, builder.Environment, name, migrations);
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<TDatabase>(services, settings));
        builder.Services.AddHostedService<DatabaseMigrationService<TDatabase>>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TDatabase>>($"{name}-database", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static ModuleDatabaseSettings ResolveSettings(
        IConfiguration configuration,
        IHostEnvironment environment,
        string name,
        IReadOnlyList<MigrationSource> migrations)
    {
        var providerText = configuration[ProviderSetting];
        if (!Enum.TryParse<DatabaseProvider>(string.IsNullOrWhiteSpace(providerText) ? nameof(DatabaseProvider.Sqlite) : providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"'{ProviderSetting}' is '{providerText}'; it must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    $"'{ProviderSetting}' is Postgres but 'ConnectionStrings:{name}' is not set.");
            }

            var file = Path.Combine(DataFolder.Resolve(configuration, environment), $"{name}.db");
            connectionString = $"Data Source={file};Foreign Keys=True;Default Timeout=30";
        }

        return new ModuleDatabaseSettings(name, provider, connectionString, migrations);
    }
}
