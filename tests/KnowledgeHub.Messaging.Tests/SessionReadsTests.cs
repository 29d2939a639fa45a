using System.Text.Json;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// A session's typed reads reuse what Dapper generated for the same SQL (ADR 0085): every read here
/// must answer exactly what Dapper answers for it on a bare connection, on its first call and on the
/// calls that reuse the plan, on both engines.
/// </summary>
public sealed class Session_reads : IAsyncDisposable
{
    private static readonly Guid First = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static readonly Guid Second = Guid.Parse("9a1b2c3d-0000-4000-8000-000000000002");
    private static readonly DateTimeOffset Instant = new(2026, 12, 4, 9, 30, 15, 123, TimeSpan.FromHours(2));

    private readonly string _folder = Directory.CreateTempSubdirectory("kh-reads-").FullName;
    private string? _postgres;

    [Fact]
    public void The_plans_are_in_use_with_this_version_of_Dapper() =>
        // The plans need Dapper's internal identity constructor; without it every read silently takes Dapper's slower path.
        Assert.True(ReadPlan.Supported);

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Rows_read_as_Dapper_reads_them_nulls_ids_instants_dates_enums_and_init_properties(DatabaseProvider provider)
    {
        var database = await ItemsAsync(provider);

        await SameListAsync<ItemRow>(database, "SELECT id AS Id, name AS Name, note AS Note, count AS Count, due AS Due, at AS At, status AS Status FROM items ORDER BY name", null);
        await SameListAsync<ItemRecord>(database, "SELECT id AS Id, name AS Name, note AS Note, count AS Count, at AS At, status AS Status FROM items WHERE id = @Id", new { Id = Second });
        await SameOneAsync<ItemRow>(database, "SELECT id AS Id, name AS Name, note AS Note, due AS Due, at AS At FROM items WHERE at = @At AND status = @Status", new { At = Instant, Status = "Open", Unused = 1 });
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Single_columns_read_as_Dapper_reads_them_with_conversions_and_nulls(DatabaseProvider provider)
    {
        var database = await ItemsAsync(provider);

        await SameListAsync<int>(database, "SELECT count FROM items ORDER BY count", null);
        await SameListAsync<Guid>(database, "SELECT id FROM items ORDER BY name", null);
        await SameListAsync<string?>(database, "SELECT note FROM items ORDER BY name", null);
        await SameListAsync<long?>(database, "SELECT CASE WHEN note IS NULL THEN NULL ELSE count END FROM items ORDER BY name", null);
        await SameListAsync<DateTimeOffset>(database, "SELECT at FROM items ORDER BY name", null);
        await SameOneAsync<int>(database, "SELECT COUNT(*) FROM items", null);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Zero_rows_and_extra_rows_answer_as_before(DatabaseProvider provider)
    {
        var database = await ItemsAsync(provider);
        const string none = "SELECT id AS Id, name AS Name FROM items WHERE name = @Name";

        await SameListAsync<ItemRow>(database, none, new { Name = "nobody" });
        await SameOneAsync<ItemRow>(database, none, new { Name = "nobody" });
        await SameOneAsync<long>(database, "SELECT count FROM items WHERE name = @Name", new { Name = "nobody" });
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        for (var call = 0; call < 2; call++)
        {
            var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => session.QuerySingleAsync<ItemRow>(none, new { Name = "nobody" }));
            Assert.Equal("Sequence contains no elements", missing.Message);
            var twice = await Assert.ThrowsAsync<InvalidOperationException>(() => session.QueryOneAsync<ItemRow>("SELECT id AS Id FROM items", null));
            Assert.Equal("Sequence contains more than one element", twice.Message);
            Assert.Equal(Second, (await session.QuerySingleAsync<ItemRow>(none, new { Name = "second" })).Id);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Parameters_bind_as_Dapper_binds_them_lists_dynamic_and_dictionaries(DatabaseProvider provider)
    {
        var database = await ItemsAsync(provider);
        var dialect = database.Dialect;

        await SameListAsync<string>(database, $"SELECT name FROM items WHERE {dialect.InList("id", "@Ids")} ORDER BY name", new { Ids = new[] { First, Second } });
        var dynamic = new DynamicParameters(new { Name = "first" });
        dynamic.Add("Note", null);
        await SameListAsync<string>(database, "SELECT name FROM items WHERE name = @Name OR note = @Note", dynamic);
        await SameListAsync<string>(database, "SELECT name FROM items WHERE count > @Count", new Dictionary<string, object> { ["Count"] = 5L });
        await SameListAsync<string>(database, "SELECT name FROM items WHERE count > @Least ORDER BY name", new { Least = ItemStatus.Closed });
        await SameListAsync<dynamic>(database, "SELECT name, count FROM items ORDER BY name", null);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_query_whose_columns_change_between_calls_reads_the_new_columns(DatabaseProvider provider)
    {
        var database = await ItemsAsync(provider);
        const string sql = "SELECT * FROM shapes ORDER BY id";
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("one", null)], (await session.QueryAsync<Shape>(sql)).Select(shape => (shape.Name, shape.Extra)));

        await session.ExecuteAsync("ALTER TABLE shapes ADD COLUMN extra TEXT NOT NULL DEFAULT 'added'");

        Assert.Equal([("one", "added")], (await session.QueryAsync<Shape>(sql)).Select(shape => (shape.Name, shape.Extra)));
    }

    [Fact]
    public async Task A_column_whose_first_row_changes_type_on_SQLite_is_read_with_the_new_type()
    {
        var database = await ItemsAsync(DatabaseProvider.Sqlite);
        // SQLite types each value: in a NUMERIC column 2 is stored as an integer and 2.5 as a real.
        const string sql = "SELECT id AS Id, score AS Score FROM items WHERE name = @Name";

        await SameListAsync<ItemRow>(database, sql, new { Name = "first" });
        await SameListAsync<ItemRow>(database, sql, new { Name = "second" });
        await SameListAsync<ItemRow>(database, sql, new { Name = "first" });
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_first_calls_of_one_query_all_read_the_rows(DatabaseProvider provider)
    {
        var database = await ItemsAsync(provider);
        const string sql = "SELECT id AS Id, name AS Name, at AS At FROM items WHERE count >= @Count ORDER BY name";
        var expected = await DapperListAsync<ItemRow>(database, sql, new { Count = 0 });

        var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
            return Json(await session.QueryAsync<ItemRow>(sql, new { Count = 0 }));
        })));

        Assert.All(reads, read => Assert.Equal(expected, read));
    }

    [Fact]
    public async Task More_distinct_queries_than_the_plans_hold_still_read_correctly()
    {
        var database = await ItemsAsync(DatabaseProvider.Sqlite);
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        for (var limit = 1; limit <= ReadPlans.Capacity + 20; limit++)
        {
            Assert.Equal(Math.Min(limit, 2), (await session.QueryAsync<ItemRow>($"SELECT id AS Id FROM items ORDER BY name LIMIT {limit}")).Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            await PostgresServer.DropDatabaseAsync(_postgres);
        }
    }

    private static async Task SameListAsync<T>(CounterDatabase database, string sql, object? parameters)
    {
        var expected = await DapperListAsync<T>(database, sql, parameters);
        for (var call = 0; call < 2; call++)
        {
            await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
            Assert.Equal(expected, Json(await session.QueryAsync<T>(sql, parameters)));
        }
    }

    private static async Task SameOneAsync<T>(CounterDatabase database, string sql, object? parameters)
    {
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        var expected = Json(await connection.QuerySingleOrDefaultAsync<T>(sql, parameters));
        for (var call = 0; call < 2; call++)
        {
            await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
            Assert.Equal(expected, Json(await session.QueryOneAsync<T>(sql, parameters)));
        }
    }

    private static async Task<string> DapperListAsync<T>(CounterDatabase database, string sql, object? parameters)
    {
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        return Json((await connection.QueryAsync<T>(sql, parameters)).AsList());
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    /// <summary>Two items and a table whose columns a test changes, in the column types each engine has for them.</summary>
    private async Task<CounterDatabase> ItemsAsync(DatabaseProvider provider)
    {
        string connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            Requirements.SkipUnlessMet(await PostgresServer.UnavailableReasonAsync());
            connectionString = _postgres = await PostgresServer.CreateDatabaseAsync("reads");
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(_folder, "reads.db")}";
        }

        var database = new CounterDatabase(new ModuleDatabaseSettings(Counters.ModuleName, provider, connectionString, []));
        var (id, instant, date, real) = provider == DatabaseProvider.Postgres ? ("uuid", "timestamptz", "date", "double precision") : ("TEXT", "TEXT", "TEXT", "NUMERIC");
        await using var work = await database.BeginAsync(TestContext.Current.CancellationToken);
        await work.ExecuteAsync($"""
            CREATE TABLE items (id {id} PRIMARY KEY, name TEXT NOT NULL, note TEXT NULL, count BIGINT NOT NULL, due {date} NULL, at {instant} NOT NULL, status TEXT NOT NULL, score {real} NULL);
            CREATE TABLE shapes (id BIGINT PRIMARY KEY, name TEXT NOT NULL)
            """);
        await work.ExecuteAsync(
            "INSERT INTO items (id, name, note, count, due, at, status, score) VALUES (@Id, @Name, @Note, @Count, @Due, @At, @Status, @Score)",
            new[]
            {
                new { Id = First, Name = "first", Note = (string?)null, Count = 3L, Due = (DateOnly?)null, At = Instant, Status = "Open", Score = (object)2 },
                new { Id = Second, Name = "second", Note = (string?)"a note", Count = 7L, Due = (DateOnly?)new DateOnly(2026, 12, 31), At = Instant.AddDays(1), Status = "Closed", Score = (object)2.5 },
            });
        await work.ExecuteAsync("INSERT INTO shapes (id, name) VALUES (1, 'one')");
        await work.CommitAsync();
        return database;
    }

    public enum ItemStatus { Open, Closed }

    public sealed class ItemRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "unset";
        public string? Note { get; set; } = "unset";
        public long Count { get; set; }
        public DateOnly? Due { get; set; }
        public DateTimeOffset At { get; set; }
        public ItemStatus Status { get; set; }
        public double? Score { get; set; }
    }

    public sealed record ItemRecord
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? Note { get; init; }
        public int Count { get; init; }
        public DateTimeOffset At { get; init; }
        public string Status { get; init; } = "";
    }

    public sealed class Shape
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string? Extra { get; set; }
    }
}
