using Dapper;
using Microsoft.Data.Sqlite;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// The SQLite outbox made again without <c>AUTOINCREMENT</c> and the unique message id (ADR 0106): a hub
/// upgraded with events still waiting relays every one of them, in their order, before what it writes next.
/// </summary>
public sealed class The_lean_outbox_migration : IDisposable
{
    private const string AllRows =
        "SELECT sequence, message_id, message_type, body, trace_parent, created_at, published_at FROM outbox_messages ORDER BY sequence";

    // What the relay reads: the pending rows in sequence order.
    private const string PendingIds = "SELECT message_id FROM outbox_messages WHERE published_at IS NULL ORDER BY sequence";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    [Fact]
    public async Task Keeps_every_row_and_writes_new_ones_after_the_waiting_ones()
    {
        await _connection.OpenAsync();
        await RunScriptAsync("0001_outbox_inbox.sql");
        var written = new[] { "published-1", "published-2", "pending-1", "pending-2" };
        foreach (var id in written)
        {
            await InsertAsync(id, published: id.StartsWith("published", StringComparison.Ordinal));
        }

        var before = await AllRowsAsync();

        await RunScriptAsync("0004_lean_outbox.sql");
        var after = await AllRowsAsync();
        await InsertAsync("pending-3", published: false);

        Assert.Equal(before, after);
        Assert.Equal(["pending-1", "pending-2", "pending-3"], await _connection.QueryAsync<string>(PendingIds));
        Assert.Equal(
            ["ix_outbox_messages_pending", "ix_outbox_messages_published"],
            await _connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox_messages' ORDER BY name"));
        Assert.Equal(0, await _connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox_messages'"));
    }

    private async Task<List<string>> AllRowsAsync() =>
        (await _connection.QueryAsync(AllRows)).Select(row => string.Join('|', ((IDictionary<string, object?>)row).Values)).ToList();

    private Task InsertAsync(string messageId, bool published) =>
        _connection.ExecuteAsync(
            "INSERT INTO outbox_messages (message_id, message_type, body, created_at, published_at) VALUES (@MessageId, 'Test', '{}', '2026-12-06T00:00:00+00:00', @PublishedAt)",
            new { MessageId = messageId, PublishedAt = published ? "2026-12-06T00:00:01+00:00" : null });

    private async Task RunScriptAsync(string name)
    {
        var assembly = typeof(Outbox.Outbox<>).Assembly;
        await using var script = assembly.GetManifestResourceStream($"KnowledgeHub.Messaging.Migrations.Sqlite.{name}")
            ?? throw new InvalidOperationException($"No migration {name}.");
        using var reader = new StreamReader(script);
        await _connection.ExecuteAsync(await reader.ReadToEndAsync());
    }

    public void Dispose() => _connection.Dispose();
}
