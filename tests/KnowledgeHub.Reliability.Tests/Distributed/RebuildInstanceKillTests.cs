using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>
/// Scenario 11: two Search instances (competing consumers on one database, each with its own index);
/// a rebuild started on the second under a stream of writes, and that instance SIGKILLed once it has
/// counted part of the replays (ADR 0080). The first instance carries the rebuild to the end.
/// </summary>
[Collection(FaultHub.Collection)]
public sealed class Rebuild_with_a_Search_instance_killed(FaultHub faults)
{
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(90);

    private const string CountedSql = "SELECT count(*) FROM reindex_receipts WHERE reindex_id = @id";

    [Fact]
    public async Task A_rebuild_whose_starting_Search_instance_is_killed_half_way_completes_and_holds_every_acknowledged_write_once()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        var admin = await faults.Hub.CreateGatewayClient().SignInAsync($"admin.{marker}@example.com", "IT", "admin");
        var search = faults.Service("search");
        await using var second = search.Sibling("search-second", Path.Combine(Path.GetDirectoryName(search.Setting("KnowledgeHub__DataPath")!)!, $"search-second-{marker}"));
        second.Start();

        await using var stream = new WriteStream(author, communityId, marker);
        await second.WaitUntilReadyAsync(Progress);
        await stream.UntilAcknowledgedAsync(20, Progress);

        using var direct = new HttpClient { BaseAddress = second.Url };
        direct.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        // Communities replays at least every post acknowledged so far: half of them is half-way or earlier.
        var halfway = stream.Acknowledged / 2;
        var started = await direct.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        var reindexId = Guid.Parse(started["reindexId"]!.GetValue<string>());

        // Killed once that many replayed documents are counted: whatever it held is redelivered to the first instance.
        var counted = await Eventually.GetAsync(
            async () => await faults.CountAsync("search", CountedSql, ("id", reindexId)) is var receipts && receipts >= halfway ? (long?)receipts : null,
            Progress,
            $"{halfway} replayed documents to be counted");
        await second.KillAsync();
        var runningAtKill = await faults.CountAsync("search", "SELECT count(*) FROM reindex_runs WHERE reindex_id = @id AND state = 'running'", ("id", reindexId));
        FaultReport.Note($"11: the second Search instance was SIGKILLed with {counted} replayed documents counted; the rebuild was {(runningAtKill == 1 ? "still running" : "already over")}.");
        Assert.Equal(1, runningAtKill);

        var finished = await Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is { } status && status["state"]!.GetValue<string>() != "running" ? status : null,
            Progress,
            "the reindex to finish on the surviving instance");
        Assert.Equal((reindexId.ToString(), "completed"), (finished["reindexId"]!.GetValue<string>(), finished["state"]!.GetValue<string>()));
        FaultReport.Note($"11: the rebuild completed with {finished["done"]} of {finished["total"]} replayed documents.");
        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, Progress);

        var tally = await faults.Audit(author).CheckAsync("11 two Search instances, the one that started a rebuild SIGKILLed half-way, under writes", marker, communityId, await stream.StopAsync());
        tally.AssertNothingLostOrDuplicated();
    }
}
