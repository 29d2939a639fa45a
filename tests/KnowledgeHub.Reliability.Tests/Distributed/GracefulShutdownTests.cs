using System.Net;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>SIGTERM in the middle of a stream of writes: what is in flight finishes, nothing acknowledged is lost.</summary>
[Collection(FaultHub.Collection)]
public sealed class Graceful_shutdown(FaultHub faults)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SIGTERM_lets_Communities_and_Search_finish_their_requests_and_messages()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);

        await using var stream = new WriteStream(author, communityId, marker, writers: 4, pace: TimeSpan.FromMilliseconds(10));
        foreach (var name in new[] { "communities", "search" })
        {
            var service = faults.Service(name);
            await stream.UntilAcknowledgedAsync(stream.Acknowledged + 10, TimeSpan.FromSeconds(60));
            Assert.True(await service.StopAsync(Grace), $"{name} did not stop within {Grace.TotalSeconds} s of SIGTERM.");
            service.Start();
            await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }

        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, TimeSpan.FromSeconds(60));
        var attempts = await stream.StopAsync();
        var tally = await faults.Audit(author).CheckAsync("SIGTERM to Communities, then to Search, under writes", marker, communityId, attempts);
        FaultReport.Note($"SIGTERM: the writes answered {WriteAttempt.Outcomes(attempts)}");
        tally.AssertNothingLostOrDuplicated();
        // A request in flight at SIGTERM is finished; while the service is away the gateway says so.
        Assert.All(attempts, attempt => Assert.True(
            attempt.Status is HttpStatusCode.Created or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable,
            $"{attempt.Title}: {attempt.Status?.ToString() ?? attempt.Failure}"));
    }
}
