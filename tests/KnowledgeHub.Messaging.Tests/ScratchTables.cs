using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// Databases of a test's own on either engine, with tables of the same columns written in each engine's types;
/// SQLite's files in a folder removed with this.
/// </summary>
internal sealed class ScratchTables : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-tables-").FullName;

    /// <summary>
    /// SQLite in a file of its own, PostgreSQL as a fresh database (the test is skipped, with the reason, where
    /// no server is reachable); each of <paramref name="tables"/> created with the engine's columns.
    /// </summary>
    public async Task<CounterDatabase> CreateAsync(
        DatabaseProvider provider, string name, string sqliteColumns, string postgresColumns, params string[] tables)
    {
        string connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
            connectionString = await PostgresServer.CreateDatabaseAsync(name);
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(_folder, name + ".db")}";
        }

        var columns = provider == DatabaseProvider.Postgres ? postgresColumns : sqliteColumns;
        var database = new CounterDatabase(new ModuleDatabaseSettings(Counters.ModuleName, provider, connectionString, []));
        await using var work = await database.BeginAsync(TestContext.Current.CancellationToken);
        await work.ExecuteAsync(string.Concat(tables.Select(table => $"CREATE TABLE {table} ({columns});")));
        await work.CommitAsync();
        return database;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
