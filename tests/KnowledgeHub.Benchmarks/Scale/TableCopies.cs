using Dapper;
using Npgsql;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// One table to copy: columns named in <see cref="Changed"/> take that SQL expression (over the base
/// row's columns and <c>copy_number</c>), the others are copied as written.
/// </summary>
internal sealed record CopiedTable(string Name, IReadOnlyDictionary<string, string> Changed)
{
    /// <summary>A new key per copy, the same in every table, so the copied rows refer to each other as the base rows do.</summary>
    public static string NewKey(string column) => $"md5({column}::text || ':' || copy_number)::uuid";

    /// <summary>A new text key per copy (an evidence source, an email).</summary>
    public static string NewText(string column) => $"{column} || '#' || copy_number";

    /// <summary>A timestamp moved back a day per copy: each copy is an earlier day of the same history.</summary>
    public static string DaysEarlier(string column) => $"{column} - copy_number * interval '1 day'";
}

/// <summary>
/// Grows a module's PostgreSQL database to a size by copies of a base data set that the module's own
/// writes produced (its API or its write code): every row of the listed tables again under new keys,
/// in one <c>INSERT … SELECT</c> per table and batch of copies. A million posts take minutes where the
/// API would take hours, and every copied row has a shape the module wrote.
/// </summary>
internal sealed class TableCopies(string connectionString, IReadOnlyList<CopiedTable> tables)
{
    private const string BaseSchema = "scale_base";

    /// <summary>Keeps the rows written so far as the base every copy repeats; copy 0 is the base itself.</summary>
    public async Task KeepBaseAsync()
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync($"CREATE SCHEMA {BaseSchema}");
        foreach (var table in tables)
        {
            await connection.ExecuteAsync($"CREATE TABLE {BaseSchema}.{table.Name} AS SELECT * FROM {table.Name}");
        }
    }

    /// <summary>Adds copies <paramref name="first"/> to <paramref name="last"/> in batches, a progress line each, then refreshes the planner's statistics.</summary>
    public async Task AddCopiesAsync(int first, int last, int copiesPerBatch)
    {
        await using var connection = await OpenAsync();
        for (var from = first; from <= last; from += copiesPerBatch)
        {
            var to = Math.Min(last, from + copiesPerBatch - 1);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (var table in tables)
            {
                var columns = (await connection.QueryAsync<string>(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @Name ORDER BY ordinal_position",
                    new { table.Name })).ToList();
                var values = columns.Select(column => table.Changed.GetValueOrDefault(column, column));
                await connection.ExecuteAsync(
                    $"""
                    INSERT INTO {table.Name} ({string.Join(", ", columns)})
                    SELECT {string.Join(", ", values)} FROM {BaseSchema}.{table.Name} CROSS JOIN generate_series(@From, @To) AS copies(copy_number)
                    """,
                    new { From = from, To = to },
                    commandTimeout: 0);
            }

            Console.WriteLine($"  copies {from} to {to} of {last}: {clock.Elapsed.TotalSeconds:0.0} s");
        }

        // As autovacuum would in time: statistics for the planner, the visibility map for index-only scans.
        foreach (var table in tables)
        {
            await connection.ExecuteAsync($"VACUUM ANALYZE {table.Name}", commandTimeout: 0);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
