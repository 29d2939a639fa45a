using KnowledgeHub.Data;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// <see cref="UnitOfWork.ExecuteRowsAsync"/> (ADR 0105): many rows written at once are stored exactly as
/// the same rows written one statement at a time through Dapper, on both engines.
/// </summary>
public sealed class Many_rows_in_one_call : IDisposable
{
    private const string Columns = "id, at, day, name, n, score, flag";

    private readonly ScratchTables _tables = new();

    private sealed record Row
    {
        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }

        public DateOnly Day { get; init; }

        public string? Name { get; init; }

        public int N { get; init; }

        public double Score { get; init; }

        public bool Flag { get; init; }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Rows_written_together_are_stored_as_each_written_alone(DatabaseProvider provider)
    {
        var database = await DatabaseAsync(provider);
        var start = new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.FromHours(1));
        // More rows than one PostgreSQL statement carries, with a null every third name.
        var rows = Enumerable.Range(0, 1_500)
            .Select(index => new Row
            {
                Id = Guid.NewGuid(),
                At = start.AddSeconds(index * 7.5),
                Day = DateOnly.FromDateTime(start.DateTime).AddDays(index),
                Name = index % 3 == 0 ? null : $"name {index}",
                N = index,
                Score = index / 4.0,
                Flag = index % 2 == 0,
            })
            .ToList();

        await using (var work = await database.BeginAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(rows.Count, await work.ExecuteRowsAsync($"INSERT INTO together ({Columns}) VALUES {{rows}}", rows, row => [row.Id, row.At, row.Day, row.Name, row.N, row.Score, row.Flag]));
            foreach (var row in rows)
            {
                await work.ExecuteAsync($"INSERT INTO alone ({Columns}) VALUES (@Id, @At, @Day, @Name, @N, @Score, @Flag)", row);
            }

            await work.CommitAsync();
        }

        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(rows.Count, await session.ScalarAsync<int>("SELECT count(*) FROM together"));
        Assert.Equal(0, await session.ScalarAsync<int>($"SELECT count(*) FROM (SELECT {Columns} FROM together EXCEPT SELECT {Columns} FROM alone) AS differing"));
        Assert.Equal(rows[1] with { At = rows[1].At.ToUniversalTime() }, await session.QueryOneAsync<Row>($"SELECT {Columns} FROM together WHERE id = @Id", new { rows[1].Id }));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Rows_that_are_already_stored_are_updated_by_the_statements_conflict_clause_and_counted(DatabaseProvider provider)
    {
        var database = await DatabaseAsync(provider);
        var at = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        const string Upsert = $"INSERT INTO together ({Columns}) VALUES {{rows}} ON CONFLICT (id) DO UPDATE SET name = excluded.name";

        await using (var work = await database.BeginAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(0, await work.ExecuteRowsAsync(Upsert, Array.Empty<Guid>(), id => [id]));
            Assert.Equal(2, await work.ExecuteRowsAsync(Upsert, ids[..2], id => [id, at, DateOnly.FromDateTime(at.UtcDateTime), "before", 1, 1.5, true]));
            Assert.Equal(3, await work.ExecuteRowsAsync(Upsert, ids, id => [id, at, DateOnly.FromDateTime(at.UtcDateTime), "after", 1, 1.5, true]));
            await work.CommitAsync();
        }

        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["after", "after", "after"], await session.QueryAsync<string>("SELECT name FROM together"));
    }

    public void Dispose() => _tables.Dispose();

    private Task<CounterDatabase> DatabaseAsync(DatabaseProvider provider) => _tables.CreateAsync(
        provider,
        "rows",
        "id TEXT PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL, name TEXT NULL, n INTEGER NOT NULL, score REAL NOT NULL, flag INTEGER NOT NULL",
        "id uuid PRIMARY KEY, at timestamptz NOT NULL, day date NOT NULL, name text NULL, n integer NOT NULL, score double precision NOT NULL, flag boolean NOT NULL",
        "together",
        "alone");
}
