using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>
/// Scenario 7: network faults on the Communities-to-PostgreSQL and Search-to-RabbitMQ links, through
/// the suite's TCP fault proxy: latency, every connection reset, then a blackhole that heals.
/// </summary>
[Collection(FaultHub.Collection)]
public sealed class Network_faults(FaultHub faults)
{
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Latency_resets_and_a_blackhole_on_the_database_and_broker_links_lose_nothing_acknowledged()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        FaultProxy[] links = [faults.Backends.CommunitiesDatabaseLink, faults.Backends.SearchBrokerLink];

        await using var stream = new WriteStream(author, communityId, marker, requestTimeout: TimeSpan.FromSeconds(20));
        await stream.UntilAcknowledgedAsync(5, Progress);

        foreach (var link in links)
        {
            link.AddLatency(TimeSpan.FromMilliseconds(100));
        }

        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, Progress);
        for (var reset = 0; reset < 3; reset++)
        {
            foreach (var link in links)
            {
                link.ResetConnections();
            }

            await stream.UntilAcknowledgedAsync(stream.Acknowledged + 3, Progress);
        }

        foreach (var link in links)
        {
            link.Blackhole();
        }

        await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        foreach (var link in links)
        {
            link.Heal();
        }

        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, Progress);
        var attempts = await stream.StopAsync();

        var tally = await faults.Audit(author).CheckAsync("7 latency, resets, blackhole on DB and broker links", marker, communityId, attempts);
        FaultReport.Note($"7 network faults: the writes answered {WriteAttempt.Outcomes(attempts)}");
        tally.AssertNothingLostOrDuplicated();
        Assert.DoesNotContain(attempts, attempt => attempt.Status == HttpStatusCode.InternalServerError);
    }
}
