using Dapper;
using Npgsql;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// Has PostgreSQL log the plan of every statement of a database slower than a threshold, as
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> shows it (auto_explain), while some reads run: the plans of the
/// module's own SQL as it runs it, without a copy of that SQL here.
/// </summary>
internal static class QueryPlans
{
    private const string Threshold = "5ms";

    public static async Task LogWhileAsync(string connectionString, Func<Task> reads)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(
                $"""
                ALTER DATABASE "{database}" SET session_preload_libraries = 'auto_explain';
                ALTER DATABASE "{database}" SET auto_explain.log_min_duration = '{Threshold}';
                ALTER DATABASE "{database}" SET auto_explain.log_analyze = on;
                ALTER DATABASE "{database}" SET auto_explain.log_buffers = on;
                """);
            var logFile = await connection.ExecuteScalarAsync<string?>("SELECT pg_current_logfile()");
            Console.WriteLine($"  plans of statements over {Threshold} in database {database} go to the server's log: {logFile ?? "its standard error (/var/log/postgresql/ on Debian)"}");
            await UntilSessionsEndAsync(connection, database);
        }

        try
        {
            await reads();
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"ALTER DATABASE \"{database}\" RESET ALL");
        }
    }

    /// <summary>
    /// Settings of a database apply to sessions that start after them, and the module's data source keeps
    /// its connections: the test databases let an idle one go after 15 s (<see cref="KnowledgeHub.Testing.PostgresServer"/>),
    /// so this waits until every session open now has ended.
    /// </summary>
    private static async Task UntilSessionsEndAsync(NpgsqlConnection connection, string? database)
    {
        const string Sessions = "SELECT pid FROM pg_stat_activity WHERE datname = @Database AND pid <> pg_backend_pid()";
        var open = (await connection.QueryAsync<int>(Sessions, new { Database = database })).ToArray();
        await KnowledgeHub.Testing.Eventually.AssertAsync(
            async () => await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(@Open)", new { Open = open }) == 0,
            TimeSpan.FromSeconds(90),
            "the module's open sessions to end");
    }
}
