using System.Diagnostics;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>Scenario 1: RabbitMQ stopped for 30 seconds (<c>rabbitmqctl stop_app</c>, then <c>start_app</c>).</summary>
[Collection(FaultHub.Collection)]
public sealed class Broker_outage(FaultHub faults)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Writes_go_on_while_RabbitMQ_is_stopped_for_30_seconds_and_each_is_found_once_after_it_returns()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        var search = faults.Service("search");

        await using var stream = new WriteStream(author, communityId, marker, pace: TimeSpan.FromMilliseconds(200));
        await stream.UntilAcknowledgedAsync(5, TimeSpan.FromSeconds(30));
        var linesBeforeOutage = search.OutputLines.Count;
        await faults.RabbitMq.StopAppAsync();
        var beforeOutage = stream.Acknowledged;
        var outage = Task.Delay(Outage, TestContext.Current.CancellationToken);
        // Readiness tells the platform the truth while the broker is away.
        await Eventually.AssertAsync(async () => !await search.IsReadyAsync(), Outage, "Search to report not ready while the broker is down");
        await outage;
        var duringOutage = stream.Acknowledged - beforeOutage;
        await faults.RabbitMq.StartAppAsync();
        var sinceBack = Stopwatch.StartNew();
        await Eventually.AssertAsync(search.IsReadyAsync, TimeSpan.FromSeconds(90), "Search to report ready once the broker is back");
        var consumersBack = sinceBack.Elapsed;
        List<string> ReadinessLines() => [.. search.OutputLines.Skip(linesBeforeOutage).Where(line => line.Contains("Readiness check masstransit-bus is", StringComparison.Ordinal))];
        static bool HealthyAgain(string line) => line.Contains("is healthy again", StringComparison.Ordinal);
        // The probe that answered 200 logged the change; its line reaches this process through Search's output a moment later.
        await Eventually.AssertAsync(() => Task.FromResult(ReadinessLines().Any(HealthyAgain)), TimeSpan.FromSeconds(10), "Search to log its bus check healthy again");
        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, TimeSpan.FromSeconds(30));
        var attempts = await stream.StopAsync();

        var tally = await faults.Audit(author).CheckAsync("1 RabbitMQ stopped 30 s", marker, communityId, attempts);
        FaultReport.Note($"1 RabbitMQ stopped 30 s: {duringOutage} writes acknowledged while the broker was down (the outbox held their events); Search ready {consumersBack.TotalSeconds:F1} s after the broker was back (MassTransit retries a consumer up to 30 s apart: ADR 0102)");
        tally.AssertNothingLostOrDuplicated();
        // Probed several times a second throughout, the bus's readiness is logged when it changes only:
        // not healthy once (Degraded, perhaps then Unhealthy), healthy again once.
        var readinessLines = ReadinessLines();
        Assert.Single(readinessLines, HealthyAgain);
        Assert.InRange(readinessLines.Count, 2, 3);
        Assert.True(duringOutage > 0, "Writes must go on while the broker is down: the outbox keeps their events.");
    }
}
