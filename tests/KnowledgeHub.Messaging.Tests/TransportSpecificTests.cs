using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>The in-memory transport loses what it holds when the process dies; the outbox makes up for it.</summary>
public abstract class InMemoryRecoveryTests(CounterFixture fixture)
{
    [Fact]
    public async Task What_the_transport_held_when_the_process_died_is_delivered_after_a_restart()
    {
        var database = fixture.Host.Get<CounterDatabase>();
        var name = OutboxAndInboxTests.Unique("INFLIGHT");
        // The relay handed this row to the transport (published_at is set), then the process
        // died before any consumer saw the message.
        await using (var work = await database.BeginAsync())
        {
            await work.ExecuteAsync(
                """
                INSERT INTO outbox_messages (message_id, message_type, body, created_at, published_at)
                VALUES (@MessageId, @MessageType, @Body, @Now, @Now)
                """,
                new
                {
                    MessageId = Guid.NewGuid(),
                    MessageType = typeof(DepartmentChanged).FullName,
                    Body = System.Text.Json.JsonSerializer.Serialize(new DepartmentChanged(name, name, 1, DateTimeOffset.UtcNow), System.Text.Json.JsonSerializerOptions.Web),
                    Now = DateTimeOffset.UtcNow,
                });
            await work.CommitAsync();
        }

        await fixture.Host.RestartAsync();

        var restarted = fixture.Host.Get<CounterDatabase>();
        await Eventually.AssertAsync(async () => await Counters.ValueAsync(restarted, name) == 1, TimeSpan.FromSeconds(15), "the lost message after the restart");
    }
}

public sealed class In_memory_recovery_on_Sqlite(SqliteInMemoryCounters fixture) : InMemoryRecoveryTests(fixture), IClassFixture<SqliteInMemoryCounters>;

public sealed class In_memory_recovery_on_Postgres(PostgresInMemoryCounters fixture) : InMemoryRecoveryTests(fixture), IClassFixture<PostgresInMemoryCounters>;

public sealed class RabbitMqQueueTests(PostgresRabbitMqCounters fixture) : IClassFixture<PostgresRabbitMqCounters>
{
    [Fact]
    public async Task Consumer_queues_are_quorum_queues_with_a_delivery_limit_and_dead_lettering()
    {
        _ = fixture.Host; // starts the bus, which declares the queues

        var queues = (await RabbitMqServer.ControlAsync($"list_queues -p {fixture.VirtualHostName} name type arguments --no-table-headers --quiet")).Split('\n');

        var consumerQueue = queues.Single(line => line.StartsWith("knowledge-hub-messaging-tests-counting\t", StringComparison.Ordinal));
        Assert.Contains("quorum", consumerQueue);
        Assert.Contains($"{{\"x-delivery-limit\",{KnowledgeHub.Messaging.BusRegistration.DeliveryLimit}}}", consumerQueue);
        Assert.Contains("{\"x-dead-letter-exchange\",\"knowledge-hub-messaging-tests-counting_dead_letter\"}", consumerQueue);
        Assert.Contains(queues, line => line.StartsWith("knowledge-hub-messaging-tests-counting_dead_letter\t", StringComparison.Ordinal));
    }
}
