using System.Globalization;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// The in-memory transport's queues have no bound and die with the process: a relay that kept
/// publishing while a consumer fell behind would pile events up there, older than the replay
/// window covers after a crash (docs/adr/0109). Held back, they wait in the outbox instead.
/// </summary>
public sealed class InMemoryBacklogTests(CountersWithAHeldConsumer fixture) : IClassFixture<CountersWithAHeldConsumer>
{
    [Fact]
    public async Task Events_wait_in_the_outbox_while_a_consumer_works_on_an_old_one_and_are_relayed_once_it_is_done()
    {
        var gate = fixture.Host.Get<ConsumerGate>();
        await fixture.HoldAnEventAsync(gate);

        // The held consumer is on an event older than the limit: the next one stays in the outbox.
        await Task.Delay(CountersWithAHeldConsumer.BacklogAge * 2);
        var next = await fixture.AnnounceAsync("NEXT");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await fixture.CountAsync(next));
        Assert.Equal(1, await Counters.PendingOutboxRowsAsync(fixture.Database));

        gate.Open();
        await fixture.UntilCountedAsync(next);
        await Eventually.AssertAsync(async () => await Counters.PendingOutboxRowsAsync(fixture.Database) == 0, CountersWithAHeldConsumer.Patience, "the outbox to drain");
    }
}

public sealed class InMemoryBacklogCountTests(CountersWithAHeldConsumerAndFewMessages fixture) : IClassFixture<CountersWithAHeldConsumerAndFewMessages>
{
    [Fact]
    public async Task No_more_events_are_relayed_than_the_limit_after_the_one_a_consumer_works_on()
    {
        var gate = fixture.Host.Get<ConsumerGate>();
        await fixture.HoldAnEventAsync(gate);

        // One at a time, each relayed (the other consumer counts it) before the next is written, until the relay holds.
        var relayed = 0;
        string next;
        while (true)
        {
            next = await fixture.AnnounceAsync("NEXT");
            if (!await Eventually.WithinAsync(async () => await fixture.CountAsync(next) == 1, TimeSpan.FromSeconds(2)))
            {
                break;
            }

            relayed++;
            Assert.True(relayed <= CountersWithAHeldConsumerAndFewMessages.BacklogMessages + 1, $"{relayed} events relayed past a consumer that is behind");
        }

        // The check before a batch lets the limit itself through, and one more.
        Assert.Equal(CountersWithAHeldConsumerAndFewMessages.BacklogMessages + 1, relayed);
        gate.Open();
        await fixture.UntilCountedAsync(next);
        await Eventually.AssertAsync(async () => await Counters.PendingOutboxRowsAsync(fixture.Database) == 0, CountersWithAHeldConsumer.Patience, "the outbox to drain");
    }
}

/// <summary>Counters on SQLite and the in-memory transport, with a second consumer of the same events that a test can hold.</summary>
public class CountersWithAHeldConsumer() : CounterFixture(DatabaseProvider.Sqlite, MessageTransport.InMemory)
{
    public static readonly TimeSpan BacklogAge = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public CounterDatabase Database => Host.Get<CounterDatabase>();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Messaging:InMemoryBacklogAge"] = BacklogAge.ToString(),
    };

    /// <summary>Closes the gate and announces an event that the held consumer takes up and waits on.</summary>
    public async Task HoldAnEventAsync(ConsumerGate gate)
    {
        gate.Close();
        var held = await AnnounceAsync("HELD");
        await Eventually.AssertAsync(() => Task.FromResult(gate.Waiting == 1), Patience, "the held consumer to take up an event");
        await UntilCountedAsync(held);
    }

    public async Task<string> AnnounceAsync(string prefix)
    {
        var name = OutboxAndInboxTests.Unique(prefix);
        await Counters.ChangeAndAnnounceAsync(Database, Host.Get<Outbox<CounterDatabase>>(), name, commit: true);
        return name;
    }

    public Task<long> CountAsync(string name) => Counters.ValueAsync(Database, name);

    public Task UntilCountedAsync(string name) =>
        Eventually.AssertAsync(async () => await CountAsync(name) == 1, Patience, $"the counting consumer to apply {name}");

    protected override void AddModule(WebApplicationBuilder builder)
    {
        base.AddModule(builder);
        builder.Services.AddSingleton<ConsumerGate>();
        builder.Services.AddConsumers(bus => bus.AddConsumer<HeldConsumer>());
    }
}

/// <summary>The same, with a small limit on the messages relayed past the held one, and the age's as large as allowed.</summary>
public sealed class CountersWithAHeldConsumerAndFewMessages : CountersWithAHeldConsumer
{
    public const int BacklogMessages = 3;

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Messaging:InMemoryBacklogAge"] = "00:01:00",
        ["Messaging:InMemoryBacklogMessages"] = BacklogMessages.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Lets <see cref="HeldConsumer"/> through, or holds it until opened.</summary>
public sealed class ConsumerGate
{
    private TaskCompletionSource _opened = OpenedSource();
    private int _waiting;

    public int Waiting => Volatile.Read(ref _waiting);

    public void Close() => _opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _opened.TrySetResult();

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _opened.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private static TaskCompletionSource OpenedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}

public sealed class HeldConsumer(ConsumerGate gate) : IConsumer<DepartmentChanged>
{
    public Task Consume(ConsumeContext<DepartmentChanged> context) => gate.PassAsync(context.CancellationToken);
}
