using System.Diagnostics;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Standalone;

/// <summary>
/// The standalone hub SIGKILLed in the middle of a stream of writes. Its in-memory transport held
/// messages that were never delivered; the outbox's replay window must cover them after the restart.
/// </summary>
public sealed class Standalone_crash
{
    [Fact]
    public async Task SIGKILL_of_the_single_process_loses_nothing_acknowledged_and_search_has_it_again_within_seconds()
    {
        await using var hub = new StandaloneProcess();
        await hub.StartAsync();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await FaultHub.NewAuthorWithCommunityAsync(hub.CreateClient(), marker);

        await using var stream = new WriteStream(author, communityId, marker, writers: 2, pace: TimeSpan.FromMilliseconds(20));
        await stream.UntilAcknowledgedAsync(30, TimeSpan.FromSeconds(60));
        await stream.NextAcknowledgedAsync();
        await hub.Process.KillAsync();
        hub.Process.Start();
        await hub.Process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var sinceReady = Stopwatch.StartNew();
        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 10, TimeSpan.FromSeconds(60));
        var attempts = await stream.StopAsync();

        var tally = await hub.Audit(author).CheckAsync("standalone SIGKILL mid-stream", marker, communityId, attempts);
        FaultReport.Note($"standalone SIGKILL: every acknowledged write found in search {sinceReady.Elapsed.TotalSeconds:0.0} s after the restarted hub was ready (10 further writes included)");
        tally.AssertNothingLostOrDuplicated();
    }
}
