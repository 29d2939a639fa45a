using Dapper;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Outbox;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// A minimal module for testing the messaging parts: its state is named counters, and its
/// consumer adds one to a counter per DepartmentChanged it applies, an effect that is not
/// idempotent by itself, so only the inbox keeps a redelivery from counting twice.
/// </summary>
public sealed class CounterDatabase(ModuleDatabaseSettings settings) : ModuleDatabase(settings);

public sealed class CountingConsumer(CounterDatabase database, TimeProvider time)
    : InboxConsumer<CounterDatabase, DepartmentChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, DepartmentChanged message, CancellationToken cancellationToken)
    {
        if (message.Code == "POISON")
        {
            throw new InvalidEventException("POISON is not a department.");
        }

        return Counters.IncrementAsync(work, message.Code);
    }
}

public static class Counters
{
    public const string ModuleName = "counters";

    public static void AddCounterModule(WebApplicationBuilder builder)
    {
        builder.AddModuleStore<CounterDatabase>(ModuleName);
        builder.Services.AddConsumers(bus => bus.AddConsumer<CountingConsumer>());
    }

    public static Task IncrementAsync(UnitOfWork work, string name) =>
        work.ExecuteAsync(
            """
            INSERT INTO counters (name, value) VALUES (@Name, 1)
            ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
            """,
            new { Name = name });

    public static async Task<long> ValueAsync(CounterDatabase database, string name)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT value FROM counters WHERE name = @Name", new { Name = name }) ?? 0;
    }

    /// <summary>A state change and its event in one transaction, committed or not.</summary>
    public static async Task ChangeAndAnnounceAsync(CounterDatabase database, Outbox<CounterDatabase> outbox, string name, bool commit)
    {
        await using var work = await database.BeginAsync();
        await IncrementAsync(work, "written:" + name);
        await outbox.EnqueueAsync(work, new DepartmentChanged(name, name, 1, DateTimeOffset.UtcNow));
        if (commit)
        {
            await work.CommitAsync();
        }
    }

    public static async Task<long> PendingOutboxRowsAsync(CounterDatabase database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL");
    }
}
