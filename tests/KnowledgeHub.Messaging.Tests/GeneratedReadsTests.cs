using Dapper;
using KnowledgeHub.Data;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// Reads mapped by Dapper's source generator through <see cref="DbSession.MappedAtBuildAsync{T}"/> and
/// <see cref="GeneratedValueHandlers"/> (ADR 0107) bind and read ids, instants and dates exactly as Dapper's
/// run-time mapping with <see cref="DapperTypeHandlers"/> does, on both engines, and take the session's cancellation.
/// </summary>
[DapperAot]
public sealed class Generated_reads : IDisposable
{
    private const string Columns = "id AS Id, at AS At, day AS Day, seen AS Seen, name AS Name";

    private readonly ScratchTables _tables = new();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Rows_read_through_the_generator_equal_the_rows_written_and_the_run_time_mapping_of_them(DatabaseProvider provider)
    {
        var database = await DatabaseAsync(provider);
        // Microseconds: what PostgreSQL keeps of an instant.
        var start = new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_560);
        var written = Enumerable.Range(0, 6)
            .Select(index => new StoredRow
            {
                Id = Guid.NewGuid(),
                At = start.AddMinutes(index).ToUniversalTime(),
                Day = new DateOnly(2026, 12, 1).AddDays(index),
                Seen = index % 2 == 0 ? null : start.AddHours(index).ToUniversalTime(),
                Name = $"row {index}",
            })
            .ToList();
        await using (var work = await database.BeginAsync(TestContext.Current.CancellationToken))
        {
            foreach (var row in written)
            {
                await work.ExecuteAsync("INSERT INTO stored (id, at, day, seen, name) VALUES (@Id, @At, @Day, @Seen, @Name)", row);
            }

            await work.CommitAsync();
        }

        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        var generated = await session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<StoredRow>(
            $"SELECT {Columns} FROM stored ORDER BY at", new { session.CancellationToken }, transaction));
        var runTime = await session.QueryAsync<StoredRow>($"SELECT {Columns} FROM stored ORDER BY at");

        Assert.Equal(written, generated);
        Assert.Equal(runTime, generated);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Ids_instants_and_dates_are_bound_as_the_run_time_mapping_binds_them(DatabaseProvider provider)
    {
        var database = await DatabaseAsync(provider);
        var at = new DateTimeOffset(2026, 12, 6, 18, 0, 0, TimeSpan.Zero);
        var row = new StoredRow { Id = Guid.NewGuid(), At = at, Day = new DateOnly(2026, 12, 6), Seen = null, Name = "bound" };
        await using (var work = await database.BeginAsync(TestContext.Current.CancellationToken))
        {
            await work.ExecuteAsync("INSERT INTO stored (id, at, day, seen, name) VALUES (@Id, @At, @Day, @Seen, @Name)", row);
            await work.CommitAsync();
        }

        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        // On SQLite the comparisons are of text: they hold only if the parameters are the stored canonical text.
        var found = await session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<StoredRow>(
            $"SELECT {Columns} FROM stored WHERE id = @Id AND at < @Before AND at > @After AND day = @Day",
            new { row.Id, Before = at.AddMicroseconds(1).ToOffset(TimeSpan.FromHours(-5)), After = at.AddMicroseconds(-1), row.Day, session.CancellationToken },
            transaction));
        var missed = await session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<StoredRow>(
            $"SELECT {Columns} FROM stored WHERE at < @Before", new { Before = at, session.CancellationToken }, transaction));

        Assert.Equal([row], found);
        Assert.Empty(missed);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_cancelled_session_runs_no_read_with_or_without_its_token_in_the_parameters(DatabaseProvider provider)
    {
        var database = await DatabaseAsync(provider);
        using var cancellation = new CancellationTokenSource();
        await using var session = await database.OpenSessionAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadByNameAsync(session, session.CancellationToken));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<StoredRow>(
            $"SELECT {Columns} FROM stored", transaction: transaction)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_token_in_the_parameters_reaches_the_command(DatabaseProvider provider)
    {
        var database = await DatabaseAsync(provider);
        using var cancellation = new CancellationTokenSource();
        await using var session = await database.OpenSessionAsync(TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();

        // The session's own token is live: only the command can refuse the cancelled one.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadByNameAsync(session, cancellation.Token));
    }

    public void Dispose() => _tables.Dispose();

    private static Task<IEnumerable<StoredRow>> ReadByNameAsync(DbSession session, CancellationToken token) =>
        session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<StoredRow>(
            $"SELECT {Columns} FROM stored WHERE name = @Name", new { Name = "any", CancellationToken = token }, transaction));

    private Task<CounterDatabase> DatabaseAsync(DatabaseProvider provider) => _tables.CreateAsync(
        provider,
        "generated",
        "id TEXT PRIMARY KEY, at TEXT NOT NULL, day TEXT NOT NULL, seen TEXT NULL, name TEXT NOT NULL",
        "id uuid PRIMARY KEY, at timestamptz NOT NULL, day date NOT NULL, seen timestamptz NULL, name text NOT NULL",
        "stored");
}

/// <summary>A row the generated code can reach: it cannot map a type nested privately in the test.</summary>
internal sealed record StoredRow
{
    public Guid Id { get; init; }

    public DateTimeOffset At { get; init; }

    public DateOnly Day { get; init; }

    public DateTimeOffset? Seen { get; init; }

    public required string Name { get; init; }
}
