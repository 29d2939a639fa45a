using Dapper;
using KnowledgeHub.Data;
using Microsoft.Data.Sqlite;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// Writers of one SQLite file in one process wait their turn without holding a thread
/// (docs/adr/0084): before, a busy BEGIN IMMEDIATE blocked its caller's thread in 150 ms sleeps.
/// </summary>
public sealed class Sqlite_writers_in_one_process : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-writers-").FullName;

    [Fact]
    public async Task A_second_writer_waits_without_blocking_its_caller_and_writes_once_the_first_is_done()
    {
        var database = await CountersAsync(defaultTimeoutSeconds: 30);
        var first = await database.BeginAsync(TestContext.Current.CancellationToken);
        await first.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('first', 1)");

        // Before the gate this call did not return: it slept in the driver until the first writer ended, here never.
        var second = database.BeginAsync(TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted, "The second writer began while the first still held the write lock.");

        await first.CommitAsync();
        await first.DisposeAsync();
        await using (var work = await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken))
        {
            await work.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('second', 2)");
            await work.CommitAsync();
        }

        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["first", "second"], await session.QueryAsync<string>("SELECT name FROM counters ORDER BY value"));
    }

    [Fact]
    public async Task A_writer_that_waits_longer_than_the_connections_timeout_is_told_the_database_is_locked()
    {
        var database = await CountersAsync(defaultTimeoutSeconds: 1);
        await using var first = await database.BeginAsync(TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<SqliteException>(() => database.BeginAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(5, refused.SqliteErrorCode);
        Assert.Contains("database is locked", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_writer_whose_request_is_cancelled_while_it_waits_gives_up_its_place()
    {
        var database = await CountersAsync(defaultTimeoutSeconds: 30);
        var first = await database.BeginAsync(TestContext.Current.CancellationToken);
        using var cancelled = new CancellationTokenSource();
        var abandoned = database.BeginAsync(cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        await first.DisposeAsync();
        await using var next = await database.BeginAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(1, await next.ExecuteAsync("INSERT INTO counters (name, value) VALUES ('next', 1)"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<CounterDatabase> CountersAsync(int defaultTimeoutSeconds)
    {
        var file = Path.Combine(_folder, $"counters-{Guid.NewGuid():N}.db");
        var database = new CounterDatabase(new ModuleDatabaseSettings(Counters.ModuleName, DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout={defaultTimeoutSeconds}", []));
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        return database;
    }
}
