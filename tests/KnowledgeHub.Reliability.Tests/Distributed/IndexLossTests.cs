using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>Scenario 8: Search's index deleted from disk, then the whole index rebuilt by an admin's reindex, under a stream of writes.</summary>
[Collection(FaultHub.Collection)]
public sealed class Index_loss(FaultHub faults)
{
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_deleted_index_and_a_reindex_under_writes_still_hold_every_acknowledged_write_once()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        var admin = await faults.Hub.CreateGatewayClient().SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        var search = faults.Service("search");

        await using var stream = new WriteStream(author, communityId, marker);
        await stream.UntilAcknowledgedAsync(10, Progress);

        // The index lives in the instance's data folder: the process goes down and the folder with it.
        await search.KillAsync();
        var dataPath = search.Setting("KnowledgeHub__DataPath")!;
        Directory.Delete(dataPath, recursive: true);
        search.Start();
        await search.WaitUntilReadyAsync(Progress);
        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 10, Progress);

        await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        var finished = await Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is { } status && status["state"]!.GetValue<string>() != "running" ? status : null,
            Progress,
            "the reindex to finish");
        Assert.Equal("completed", finished["state"]!.GetValue<string>());
        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, Progress);

        var tally = await faults.Audit(author).CheckAsync("8 index folder deleted, then reindexed under writes", marker, communityId, await stream.StopAsync());
        tally.AssertNothingLostOrDuplicated();
    }
}
