using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeHub.Data;

internal sealed class DatabaseHealthCheck<TDatabase>(TDatabase database) : IHealthCheck
    where TDatabase : ModuleDatabase
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The {database.Settings.Name} database does not answer.", exception);
        }
    }
}
