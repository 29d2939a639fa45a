using Dapper;
using Microsoft.Data.Sqlite;

namespace KnowledgeHub.Benchmarks.Evaluation;

/// <summary>
/// The events a standalone hub has committed and not yet published, read from the module databases
/// in its data directory (the hub reports the same as a metric; read here so the command needs no
/// metrics pipeline). While a consumer is behind, the relays hold events back (ADR 0109): the
/// evidence can look still for seconds while more of it waits here.
/// </summary>
internal static class StandaloneOutboxes
{
    public static async Task<long> UnpublishedAsync(string dataPath)
    {
        long unpublished = 0;
        foreach (var file in Directory.EnumerateFiles(dataPath, "*.db"))
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox_messages'") == 1)
            {
                unpublished += await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL");
            }
        }

        return unpublished;
    }
}
