using System.Reflection;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KnowledgeHub.Messaging.Tests;

/// <summary>
/// A publish whose confirmation never comes (RabbitMQ.Client 7 after a broker restart,
/// rabbitmq-dotnet-client#1930) must not hold up the outbox: the relay gives it up and publishes again.
/// </summary>
public sealed class StalledPublishTests(CountersWithAStalledPublish fixture) : IClassFixture<CountersWithAStalledPublish>
{
    [Fact]
    public async Task A_publish_that_never_completes_is_given_up_and_the_event_still_arrives_once()
    {
        var database = fixture.Host.Get<CounterDatabase>();
        var name = OutboxAndInboxTests.Unique("STALLED");
        fixture.Bus.StallNextPublish();

        await Counters.ChangeAndAnnounceAsync(database, fixture.Host.Get<Outbox<CounterDatabase>>(), name, commit: true);

        await Eventually.AssertAsync(async () => await Counters.ValueAsync(database, name) == 1, TimeSpan.FromSeconds(20), "the event after the stalled publish");
        await Eventually.AssertAsync(async () => await Counters.PendingOutboxRowsAsync(database) == 0, TimeSpan.FromSeconds(10), "the outbox to drain");
        Assert.Equal(1, fixture.Bus.Stalled);
        Assert.Equal(1, await Counters.ValueAsync(database, name));
    }
}

/// <summary>Counters on SQLite whose relay publishes through a bus that can stall one publish.</summary>
public sealed class CountersWithAStalledPublish() : CounterFixture(DatabaseProvider.Sqlite, MessageTransport.InMemory)
{
    public StallingBus Bus { get; } = DispatchProxy.Create<IBus, StallingBus>() as StallingBus ?? throw new InvalidOperationException();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Messaging:PublishTimeout"] = "00:00:01",
    };

    protected override void AfterBus(IServiceCollection services)
    {
        services.AddSingleton<IBus>(provider =>
        {
            Bus.Inner = provider.GetRequiredService<IBusControl>();
            return (IBus)(object)Bus;
        });
    }
}

/// <summary>Forwards every call to the real bus, except one publish that waits until it is cancelled.</summary>
public class StallingBus : DispatchProxy
{
    private int _stallNext;
    private int _stalled;

    public IBus? Inner { get; set; }

    public int Stalled => Volatile.Read(ref _stalled);

    public void StallNextPublish() => Volatile.Write(ref _stallNext, 1);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IPublishEndpoint.Publish) && Interlocked.Exchange(ref _stallNext, 0) == 1)
        {
            Interlocked.Increment(ref _stalled);
            var cancellation = args?.OfType<CancellationToken>().Single() ?? CancellationToken.None;
            return Task.Delay(Timeout.Infinite, cancellation);
        }

        try
        {
            return targetMethod.Invoke(Inner, args);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }
}
