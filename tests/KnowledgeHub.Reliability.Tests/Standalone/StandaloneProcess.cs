using KnowledgeHub.Testing;
using Microsoft.Data.Sqlite;

namespace KnowledgeHub.Reliability.Tests.Standalone;

/// <summary>
/// The whole hub as one real process, as <c>dotnet run --project gateway/KnowledgeHub.Gateway</c> starts
/// it (SQLite files and the in-memory transport in its data folder), so it can be SIGKILLed.
/// </summary>
public sealed class StandaloneProcess : IAsyncDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("kh-standalone-faults-").FullName;

    /// <param name="settings">Settings beyond the defaults, e.g. the gateway's rate limits.</param>
    public StandaloneProcess(params (string Key, string Value)[] settings) =>
        Process = HubProcess.Standalone(_dataPath, [("ASPNETCORE_ENVIRONMENT", "Production"), ("Auth__DevSignIn__Enabled", "true"), .. settings]);

    public HubProcess Process { get; }

    public HttpClient CreateClient() => new() { BaseAddress = Process.Url, Timeout = TimeSpan.FromSeconds(30) };

    public async Task StartAsync()
    {
        Process.Start();
        await Process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Checks a scenario's writes through the API, and every module's outbox in its SQLite file drained.</summary>
    public WriteAudit Audit(HttpClient reader) => new(reader, async () =>
    {
        long pending = 0;
        foreach (var file in Directory.GetFiles(_dataPath, "*.db"))
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = FaultHub.PendingOutboxMessages;
            pending += Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return pending;
    }, async () => string.Join('\n', [await HubDiagnosis.ReadinessAsync(Process), .. HubDiagnosis.RecentWarnings(Process, 8)]));

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }
}
