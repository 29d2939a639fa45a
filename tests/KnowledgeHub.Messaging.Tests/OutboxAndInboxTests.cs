using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>The outbox and inbox guarantees, run on every provider and transport pairing.</summary>
public abstract class OutboxAndInboxTests(CounterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private CounterDatabase Database => fixture.Host.Get<CounterDatabase>();

    private Outbox<CounterDatabase> Outbox => fixture.Host.Get<Outbox<CounterDatabase>>();

    [Fact]
    public async Task A_committed_change_is_published_and_consumed_once()
    {
        var name = Unique("COMMITTED");
        await Counters.ChangeAndAnnounceAsync(Database, Outbox, name, commit: true);

        await Eventually.AssertAsync(async () => await Counters.ValueAsync(Database, name) == 1, Patience, "the consumer to apply the event");
        await Eventually.AssertAsync(async () => await Counters.PendingOutboxRowsAsync(Database) == 0, Patience, "the outbox to drain");
        Assert.Equal(1, await Counters.ValueAsync(Database, "written:" + name));
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        var rolledBack = Unique("ROLLEDBACK");
        var committed = Unique("AFTER");
        await Counters.ChangeAndAnnounceAsync(Database, Outbox, rolledBack, commit: false);
        // A later committed event is the marker: once it arrives, anything before it would have too.
        await Counters.ChangeAndAnnounceAsync(Database, Outbox, committed, commit: true);

        await Eventually.AssertAsync(async () => await Counters.ValueAsync(Database, committed) == 1, Patience, "the committed event");
        Assert.Equal(0, await Counters.ValueAsync(Database, rolledBack));
        Assert.Equal(0, await Counters.ValueAsync(Database, "written:" + rolledBack));
    }

    [Fact]
    public async Task A_redelivered_message_has_no_second_effect()
    {
        var name = Unique("REDELIVERED");
        var message = new DepartmentChanged(name, name, 1, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await fixture.Host.PublishAsync(message, messageId);
        await fixture.Host.PublishAsync(message, messageId);
        await fixture.Host.PublishAsync(message, messageId);
        var marker = Unique("MARKER");
        await fixture.Host.PublishAsync(new DepartmentChanged(marker, marker, 1, DateTimeOffset.UtcNow));

        await Eventually.AssertAsync(async () => await Counters.ValueAsync(Database, marker) == 1, Patience, "the marker event");
        await Eventually.AssertAsync(async () => await Counters.ValueAsync(Database, name) == 1, Patience, "the first delivery");
        Assert.Equal(1, await Counters.ValueAsync(Database, name));
    }

    [Fact]
    public async Task The_same_content_under_a_new_message_id_is_a_new_message()
    {
        var name = Unique("TWICE");
        var message = new DepartmentChanged(name, name, 1, DateTimeOffset.UtcNow);

        await fixture.Host.PublishAsync(message);
        await fixture.Host.PublishAsync(message);

        await Eventually.AssertAsync(async () => await Counters.ValueAsync(Database, name) == 2, Patience, "both messages");
    }

    [Fact]
    public async Task An_invalid_event_is_refused_and_the_next_one_still_flows()
    {
        await fixture.Host.PublishAsync(new DepartmentChanged("POISON", "poison", 1, DateTimeOffset.UtcNow));
        var next = Unique("NEXT");
        await fixture.Host.PublishAsync(new DepartmentChanged(next, next, 1, DateTimeOffset.UtcNow));

        await Eventually.AssertAsync(async () => await Counters.ValueAsync(Database, next) == 1, Patience, "the event after the poison one");
        Assert.Equal(0, await Counters.ValueAsync(Database, "POISON"));
    }

    [Fact]
    public async Task Events_from_one_transaction_are_published_in_commit_order()
    {
        var names = Enumerable.Range(0, 20).Select(index => Unique($"ORDER{index:00}")).ToList();
        await using (var work = await Database.BeginAsync())
        {
            foreach (var name in names)
            {
                await Outbox.EnqueueAsync(work, new DepartmentChanged(name, name, 1, DateTimeOffset.UtcNow));
            }

            await work.CommitAsync();
        }

        await Eventually.AssertAsync(
            () => Task.FromResult(fixture.Host.Events.OfType<DepartmentChanged>().Count(changed => names.Contains(changed.Code)) == names.Count),
            Patience,
            "all twenty events");
        var published = fixture.Host.Events.OfType<DepartmentChanged>().Where(changed => names.Contains(changed.Code)).Select(changed => changed.Code);
        Assert.Equal(names, published);
    }

    internal static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..30].ToUpperInvariant();
}

public sealed class Outbox_and_inbox_on_Sqlite_in_memory(SqliteInMemoryCounters fixture)
    : OutboxAndInboxTests(fixture), IClassFixture<SqliteInMemoryCounters>;

public sealed class Outbox_and_inbox_on_Postgres_in_memory(PostgresInMemoryCounters fixture)
    : OutboxAndInboxTests(fixture), IClassFixture<PostgresInMemoryCounters>;

public sealed class Outbox_and_inbox_on_Postgres_over_RabbitMq(PostgresRabbitMqCounters fixture)
    : OutboxAndInboxTests(fixture), IClassFixture<PostgresRabbitMqCounters>;
