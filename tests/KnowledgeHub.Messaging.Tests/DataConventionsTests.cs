using Dapper;
using KnowledgeHub.Data;
using Microsoft.Data.Sqlite;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>How values are written to SQLite, which keyset cursors and time comparisons rely on.</summary>
public sealed class DataConventionsTests
{
    [Fact]
    public async Task Ids_and_instants_are_stored_as_canonical_text_whose_order_is_time_order()
    {
        DapperTypeHandlers.EnsureRegistered();
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (id TEXT, at TEXT)");
        var id = Guid.NewGuid();
        var earlier = new DateTimeOffset(2026, 11, 23, 18, 22, 14, TimeSpan.Zero).AddTicks(4_908_439);
        var later = new DateTimeOffset(2026, 11, 23, 18, 22, 14, TimeSpan.Zero).AddTicks(4_900_000 + 90_000);

        await connection.ExecuteAsync("INSERT INTO t (id, at) VALUES (@Id, @At)", new[] { new { Id = id, At = later }, new { Id = id, At = earlier } });

        var stored = (await connection.QueryAsync<(string Id, string At)>("SELECT id, at FROM t ORDER BY at")).ToList();
        Assert.Equal(id.ToString("D").ToUpperInvariant(), stored[0].Id);
        Assert.Equal(["2026-11-23T18:22:14.4908439Z", "2026-11-23T18:22:14.4990000Z"], stored.Select(row => row.At));
        Assert.Equal(earlier, await connection.QuerySingleAsync<DateTimeOffset>("SELECT at FROM t ORDER BY at LIMIT 1"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM t WHERE at < @At", new { At = later }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM t WHERE id = @Id", new { Id = id }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM t WHERE id IN @Ids", new { Ids = new[] { id } }));
    }
}
