using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>Scenarios 2 and 3: processes killed with SIGKILL in the middle of a stream of writes, then restarted.</summary>
[Collection(FaultHub.Collection)]
public sealed class Process_kills(FaultHub faults)
{
    private const int Kills = 3;
    private static readonly TimeSpan Restart = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Communities_killed_right_after_a_commit_loses_none_of_its_acknowledged_writes()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        var communities = faults.Service("communities");

        var unpublishedAtKills = new List<long>();
        await using var stream = new WriteStream(author, communityId, marker);
        for (var kill = 0; kill < Kills; kill++)
        {
            await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, TimeSpan.FromSeconds(60));
            // Killed the moment a 201 arrives: that write's events are committed but, with the
            // relay's 10 ms linger, most likely not yet published.
            await stream.NextAcknowledgedAsync();
            await communities.KillAsync();
            unpublishedAtKills.Add(await faults.CountAsync("communities", FaultHub.PendingOutboxMessages));
            communities.Start();
            await communities.WaitUntilReadyAsync(Restart);
        }

        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, TimeSpan.FromSeconds(60));
        var tally = await faults.Audit(author).CheckAsync("2 Communities SIGKILLed after a commit x3", marker, communityId, await stream.StopAsync());
        FaultReport.Note($"2 Communities SIGKILLed: committed but unpublished events at each kill: {string.Join(", ", unpublishedAtKills)}");
        tally.AssertNothingLostOrDuplicated();
    }

    [Fact]
    public async Task The_Search_consumer_killed_every_ten_messages_still_indexes_every_write_once()
    {
        faults.SkipIfUnavailable();
        const int EveryN = 10;
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        var search = faults.Service("search");

        await using var stream = new WriteStream(author, communityId, marker);
        for (var kill = 0; kill < Kills; kill++)
        {
            var consumed = await ConsumedBySearchAsync();
            await Eventually.AssertAsync(async () => await ConsumedBySearchAsync() >= consumed + EveryN, TimeSpan.FromSeconds(60), $"Search to consume {EveryN} more messages");
            await search.KillAsync();
            search.Start();
            await search.WaitUntilReadyAsync(Restart);
        }

        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, TimeSpan.FromSeconds(60));
        var tally = await faults.Audit(author).CheckAsync($"3 Search SIGKILLed every {EveryN} messages x{Kills}", marker, communityId, await stream.StopAsync());
        tally.AssertNothingLostOrDuplicated();
    }

    private Task<long> ConsumedBySearchAsync() => faults.CountAsync("search", "SELECT count(*) FROM inbox_messages");
}
