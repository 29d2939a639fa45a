using Microsoft.Extensions.Hosting;

namespace KnowledgeHub.Data;

/// <summary>Runs a module's migrations while the host starts, before the server takes requests.</summary>
internal sealed class DatabaseMigrationService<TDatabase>(TDatabase database) : IHostedService
    where TDatabase : ModuleDatabase
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.Run(() => DatabaseMigrator.Migrate(database.Settings), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
