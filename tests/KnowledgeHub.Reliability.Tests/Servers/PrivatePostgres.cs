using KnowledgeHub.Testing;
using Npgsql;

namespace KnowledgeHub.Reliability.Tests.Servers;

/// <summary>
/// A PostgreSQL cluster of the fault suite's own (<c>pg_createcluster 15 khfaults</c>) on a free
/// loopback port, so stopping it with <c>pg_ctlcluster … stop -m immediate</c> hurts no other test
/// project running beside this one. Trust authentication: it listens on localhost only and lives
/// as long as the suite.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Version = "15";
    private const string Cluster = "khfaults";

    private PrivatePostgres(int port) => Port = port;

    public int Port { get; }

    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>Null when a private cluster can be made here, otherwise why not.</summary>
    public static string? UnavailableReason() =>
        Requirements.Hidden("postgresql", "PostgreSQL")
        ?? (!ProcessRunner.IsInstalled("/usr/bin/pg_createcluster") ? "Needs PostgreSQL: its cluster tools (pg_createcluster) are not installed. apt-get install postgresql."
        : !ProcessRunner.IsRoot ? "Needs root: the fault suite creates a private PostgreSQL cluster (pg_createcluster). Run the tests as root."
        : null);

    public static async Task<PrivatePostgres> StartAsync()
    {
        // A cluster left by an interrupted run is dropped: every run starts empty.
        await DropAsync();
        var server = new PrivatePostgres(LoopbackPorts.Unused());
        // Every scenario runs several hub processes, each with a pool per database: Debian's 100
        // connections ran out in a CI run ("53300: sorry, too many clients already").
        await RunAsync("/usr/bin/pg_createcluster", $"{Version} {Cluster} -p {server.Port} -o max_connections=400 --start -- --auth=trust --no-sync");
        await server.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Connection Idle Lifetime=15";

    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"kh_{purpose}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>The fault of scenario 6: the server dies at once, without a checkpoint or a goodbye to its clients.</summary>
    public Task StopImmediatelyAsync() => RunAsync("/usr/bin/pg_ctlcluster", $"{Version} {Cluster} stop -m immediate");

    public async Task StartAgainAsync()
    {
        await RunAsync("/usr/bin/pg_ctlcluster", $"{Version} {Cluster} start");
        await WaitUntilAnsweringAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await DropAsync();
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout) =>
        await Eventually.AssertAsync(
            async () =>
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return true;
            },
            timeout,
            $"the private PostgreSQL cluster on port {Port} to answer");

    // Exits non-zero when there is no such cluster, which is fine.
    private static Task DropAsync() => ProcessRunner.RunAsync("/usr/bin/pg_dropcluster", $"--stop {Version} {Cluster}", TimeSpan.FromSeconds(60));

    private static Task RunAsync(string fileName, string arguments) => ProcessRunner.RunOrThrowAsync(fileName, arguments, TimeSpan.FromSeconds(90));
}
