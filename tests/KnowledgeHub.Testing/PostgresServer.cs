using Npgsql;

namespace KnowledgeHub.Testing;

/// <summary>
/// The local PostgreSQL the tests use: started if it is installed but stopped, a login role
/// created for the tests if running as root, and a fresh database per test fixture.
/// Override the server with <c>KNOWLEDGEHUB_TEST_POSTGRES</c> (a connection string).
/// </summary>
public static class PostgresServer
{
    private const string TestRole = "knowledgehub";
    private const string TestPassword = "knowledgehub";
    private static readonly Lazy<Task<string?>> WhyUnavailable = new(EnsureRunningAsync);

    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("KNOWLEDGEHUB_TEST_POSTGRES")
        ?? $"Host=127.0.0.1;Port=5432;Username={TestRole};Password={TestPassword};Database=postgres;Timeout=5";

    /// <summary>Null when the server is usable, otherwise why not (the reason a test skips with); <see cref="Requirements.PostgresAsync"/>.</summary>
    public static Task<string?> UnavailableReasonAsync() => Requirements.PostgresAsync();

    internal static Task<string?> StartedReasonAsync() => WhyUnavailable.Value;

    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"kh_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        // Many hubs share the server while the suites run side by side: a pool gives back what it has
        // not used for a few seconds instead of five minutes, so idle pools do not exhaust its connections.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Timeout = 15, ConnectionIdleLifetime = 15 }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> EnsureRunningAsync()
    {
        if (await CanConnectAsync(attempts: 1) is null)
        {
            return null;
        }

        if (!ProcessRunner.IsInstalled("/usr/bin/pg_ctlcluster"))
        {
            return $"Needs PostgreSQL: it is not installed (no pg_ctlcluster) and {Describe()} does not answer. apt-get install postgresql, or set KNOWLEDGEHUB_TEST_POSTGRES to a connection string.";
        }

        var clusters = await ProcessRunner.RunAsync("/usr/bin/pg_lsclusters", "--no-header", TimeSpan.FromSeconds(10));
        // The machine's cluster is "main"; others (the fault suite's private one) are not ours to start.
        var listed = clusters.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var cluster = listed.FirstOrDefault(columns => columns is [_, "main", ..]) ?? listed.FirstOrDefault();
        if (cluster is { Length: >= 4 } && cluster[3] != "online")
        {
            await ProcessRunner.RunAsync("/usr/bin/pg_ctlcluster", $"{cluster[0]} {cluster[1]} start", TimeSpan.FromSeconds(60));
        }

        var failure = await CanConnectAsync(attempts: 20);
        if (failure is PostgresException { SqlState: "28P01" or "28000" } && ProcessRunner.IsRoot)
        {
            // The login the tests use does not exist yet: create it through the local superuser.
            await ProcessRunner.RunAsync(
                "/usr/sbin/runuser",
                $"-u postgres -- psql -v ON_ERROR_STOP=1 -c \"CREATE ROLE {TestRole} LOGIN SUPERUSER PASSWORD '{TestPassword}'\"",
                TimeSpan.FromSeconds(30));
            failure = await CanConnectAsync(attempts: 5);
        }

        return failure is null ? null : $"Needs PostgreSQL: {Describe()} does not answer ({failure.Message}). Start it (pg_ctlcluster 15 main start), or set KNOWLEDGEHUB_TEST_POSTGRES.";
    }

    /// <summary>Null when a connection opens; a server that is still starting gets a few more tries.</summary>
    private static async Task<Exception?> CanConnectAsync(int attempts)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return null;
            }
            catch (PostgresException exception) when (exception.SqlState != "57P03")
            {
                return exception;
            }
            catch (NpgsqlException exception)
            {
                last = exception;
                await Task.Delay(500);
            }
        }

        return last;
    }

    private static string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        return $"{builder.Host}:{builder.Port}";
    }
}
