using System.Diagnostics;
using Dapper;
using KnowledgeHub.Alignment;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// What the transactional outbox costs a write: the same committed insert, alone and with an
/// event enqueued in its transaction (and relayed meanwhile by the running relay), one write at
/// a time on the embedded default, in the same host and run.
/// </summary>
internal sealed class OutboxScenario(int writes)
{
    public async Task RunAsync(Report report)
    {
        await using var host = await ModuleTestHost.StartAsync(AlignmentModule.Name, DatabaseProvider.Sqlite, builder => builder.AddAlignment(), app => app.MapAlignment());
        var database = host.Get<AlignmentDatabase>();
        var outbox = host.Get<Outbox<AlignmentDatabase>>();
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE benchmark_writes (id TEXT PRIMARY KEY, title TEXT NOT NULL)");
        }

        await WritesPerSecondAsync(database, outbox, writes / 10, withOutbox: true);
        var without = await WritesPerSecondAsync(database, outbox, writes, withOutbox: false);
        var with = await WritesPerSecondAsync(database, outbox, writes, withOutbox: true);
        Console.WriteLine($"  {without:0} writes/s without the outbox, {with:0} with it");
        report.Add("write throughput with outbox / without", with / without, "", ">= 0.7", with / without >= 0.7);
    }

    private static async Task<double> WritesPerSecondAsync(AlignmentDatabase database, Outbox<AlignmentDatabase> outbox, int count, bool withOutbox)
    {
        var clock = Stopwatch.StartNew();
        for (var write = 0; write < count; write++)
        {
            var id = Guid.CreateVersion7();
            await using var work = await database.BeginAsync();
            await work.ExecuteAsync("INSERT INTO benchmark_writes (id, title) VALUES (@Id, @Title)", new { Id = id.ToString(), Title = $"Objective {write}" });
            if (withOutbox)
            {
                var now = DateTimeOffset.UtcNow;
                await outbox.EnqueueAsync(work, new ObjectiveChanged(id, $"Objective {write}", "Benchmark", "IT", "2026-H2", 3, 1, now, now));
            }

            await work.CommitAsync();
        }

        return count / clock.Elapsed.TotalSeconds;
    }
}
