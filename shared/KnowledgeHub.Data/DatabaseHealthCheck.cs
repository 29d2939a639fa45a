using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Data;

internal sealed class DatabaseHealthCheck<TDatabase>(TDatabase database) : IHealthCheck
    where TDatabase : ModuleDatabase
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = await database.OpenSessionAsync(cancellationToken);
            await session.ScalarAsync<int>("SELECT 1");
            return HealthCheckResult.Healthy();
        }
        // A timeout inside the driver may surface as a cancellation too: only the check's own stop is not the database's failure.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The {database.Settings.Name} database does not answer.", exception);
        }
    }
}
