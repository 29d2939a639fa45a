using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Reindex;
using KnowledgeHub.Search.Tests.Index;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// A rebuild with two Search instances over one database (ADR 0080): the module host, and a second
/// instance with its own Lucene index, follower and watchdog. Each consumes part of the replays, as
/// competing consumers do; whichever consumed what, the rebuild completes on both indexes.
/// </summary>
public abstract class SharedReindexTests(SearchFixture fixture) : IDisposable
{
    // Two indexes on a shared, busy machine: a longer wait, not a slower test.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly string _folders = Directory.CreateTempSubdirectory("kh-shared-reindex-").FullName;

    private SearchDatabase Database => fixture.Host.Get<SearchDatabase>();

    [Fact]
    public async Task Replays_consumed_half_by_each_instance_complete_the_rebuild_on_both_indexes_and_both_read_the_same_status()
    {
        var marker = SearchApi.Marker("zh");
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var reader = fixture.Host.CreateClient(TestUser.Employee());
        await using var other = await FeedFollowerUnderTest.StartAsync(fixture.Host, Path.Combine(_folders, "other"));
        var (stale, person, community, post, project, objective) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.PublishAsync(TestEvents.Project(stale, $"Forgotten {marker}"));
        await other.UntilIdsAsync(marker, Deadline, stale);
        var (hostIndex, otherIndex) = (await HostLiveIndexAsync(), await other.LiveIndexAsync());

        var started = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        var reindexId = Guid.Parse(started["reindexId"]!.GetValue<string>());
        Assert.Null(await other.StartRebuildAsync(Database));

        // The host consumes Expertise's announcement and replay and Communities' community; the other
        // instance Communities' announcement and post, and all of Alignment.
        await fixture.Host.PublishAsync(new ReindexReplayStarted(reindexId, "expertise", 1, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(TestEvents.Person(person, $"Ada {marker}") with { ReplayOf = reindexId });
        await fixture.Host.PublishAsync(TestEvents.Community(community, $"Guild {marker}", version: 3) with { ReplayOf = reindexId });
        await other.Reindex.AnnounceAsync(reindexId, "communities", 2, TestContext.Current.CancellationToken);
        await other.ConsumeAsync(Database, Owners.Communities, Docs.Make(DocumentTypes.Post, $"Note {marker}", id: post, version: 4), reindexId);
        await other.Reindex.AnnounceAsync(reindexId, "alignment", 2, TestContext.Current.CancellationToken);
        await other.ConsumeAsync(Database, Owners.Alignment, Docs.Make(DocumentTypes.Project, $"Plan {marker}", id: project, version: 5), reindexId);
        await other.ConsumeAsync(Database, Owners.Alignment, Docs.Make(DocumentTypes.Objective, $"Goal {marker}", id: objective, version: 2), reindexId);

        var done = await UntilFinishedAsync(admin);
        Assert.Equal(("completed", 5, 5), (done["state"]!.GetValue<string>(), done["done"]!.GetValue<int>(), done["total"]!.GetValue<int>()));
        await AssertSameStatusAsync(done, other);

        // Both instances made a new index live, without the document no replay named.
        await reader.UntilIdsAsync($"q={marker}", person, community, post, project, objective);
        await other.UntilIdsAsync(marker, Deadline, person, community, post, project, objective);
        await Eventually.AssertAsync(async () => await HostLiveIndexAsync() != hostIndex, Deadline, "the host's new index to go live");
        await Eventually.AssertAsync(async () => await other.LiveIndexAsync() != otherIndex, Deadline, "the other instance's new index to go live");
    }

    [Fact]
    public async Task A_rebuild_whose_starting_instance_stops_half_way_is_completed_by_the_other()
    {
        var marker = SearchApi.Marker("zk");
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var reader = fixture.Host.CreateClient(TestUser.Employee());
        var (person, project, objective) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var hostIndex = await HostLiveIndexAsync();

        Guid reindexId;
        await using (var other = await FeedFollowerUnderTest.StartAsync(fixture.Host, Path.Combine(_folders, "stopping")))
        {
            reindexId = (await other.StartRebuildAsync(Database))!.Value;
            await other.Reindex.AnnounceAsync(reindexId, "expertise", 1, TestContext.Current.CancellationToken);
            await other.ConsumeAsync(Database, Owners.Expertise, Docs.Make(DocumentTypes.Person, $"Grace {marker}", id: person), reindexId);
            await Eventually.AssertAsync(() => Task.FromResult(other.IsFillingNextIndex), Deadline, "the starting instance to fill its new index");
        }

        // Whoever asks now is answered with the rebuild the stopped instance started.
        var again = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        Assert.Equal((reindexId.ToString(), "running", 1), (again["reindexId"]!.GetValue<string>(), again["state"]!.GetValue<string>(), again["done"]!.GetValue<int>()));

        await fixture.Host.PublishAsync(new ReindexReplayStarted(reindexId, "communities", 0, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(new ReindexReplayStarted(reindexId, "alignment", 2, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(TestEvents.Project(project, $"Plan {marker}") with { ReplayOf = reindexId });
        await fixture.Host.PublishAsync(TestEvents.Objective(objective, $"Goal {marker}") with { ReplayOf = reindexId });

        var done = await UntilFinishedAsync(admin);
        Assert.Equal(("completed", 3, 3), (done["state"]!.GetValue<string>(), done["done"]!.GetValue<int>(), done["total"]!.GetValue<int>()));
        await reader.UntilIdsAsync($"q={marker}", person, project, objective);
        await Eventually.AssertAsync(async () => await HostLiveIndexAsync() != hostIndex, Deadline, "the host's new index to go live");
    }

    [Fact]
    public async Task A_rebuild_started_on_one_instance_that_stalls_is_failed_by_the_other_and_both_live_indexes_stay()
    {
        var marker = SearchApi.Marker("zq");
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var reader = fixture.Host.CreateClient(TestUser.Employee());
        var keeper = Guid.NewGuid();
        // Only the other instance gives up after a second; the host would wait a minute.
        await using var other = await FeedFollowerUnderTest.StartAsync(fixture.Host, Path.Combine(_folders, "impatient"), new ReindexSettings { StallTimeout = TimeSpan.FromSeconds(1) });
        await fixture.Host.PublishAsync(TestEvents.Project(keeper, $"Keeper {marker}"));
        await reader.UntilIdsAsync($"q={marker}", keeper);
        await other.UntilIdsAsync(marker, Deadline, keeper);
        var (hostIndex, otherIndex) = (await HostLiveIndexAsync(), await other.LiveIndexAsync());

        var started = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        await fixture.Host.PublishAsync(new ReindexReplayStarted(Guid.Parse(started["reindexId"]!.GetValue<string>()), "expertise", 0, DateTimeOffset.UtcNow));

        var failed = await UntilFinishedAsync(admin);
        Assert.Equal("failed", failed["state"]!.GetValue<string>());
        Assert.Contains("communities (no answer)", failed["reason"]!.GetValue<string>());
        await AssertSameStatusAsync(failed, other);
        await Eventually.AssertAsync(() => Task.FromResult(!other.IsFillingNextIndex && !HostFillsNextIndex()), Deadline, "both instances to drop their new index");
        Assert.Equal((hostIndex, otherIndex), (await HostLiveIndexAsync(), await other.LiveIndexAsync()));
        Assert.Equal([keeper.ToString()], await reader.IdsAsync($"q={marker}"));
        Assert.Equal([keeper], await other.IdsAsync(marker));
    }

    [Fact]
    public async Task An_instance_stopped_for_a_whole_rebuild_rebuilds_its_own_index_when_it_starts_again_and_only_then()
    {
        var marker = SearchApi.Marker("zr");
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var (stale, person) = (Guid.NewGuid(), Guid.NewGuid());
        var folder = Path.Combine(_folders, "away");
        string before;
        await using (var away = await FeedFollowerUnderTest.StartAsync(fixture.Host, folder))
        {
            await fixture.Host.PublishAsync(TestEvents.Project(stale, $"Forgotten {marker}"));
            await away.UntilIdsAsync(marker, Deadline, stale);
            before = await away.LiveIndexAsync();
        }

        // Only the host takes part: Expertise replays one person, the others have nothing.
        var started = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        var reindexId = Guid.Parse(started["reindexId"]!.GetValue<string>());
        await fixture.Host.PublishAsync(new ReindexReplayStarted(reindexId, "expertise", 1, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(TestEvents.Person(person, $"Ada {marker}") with { ReplayOf = reindexId });
        await fixture.Host.PublishAsync(new ReindexReplayStarted(reindexId, "communities", 0, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(new ReindexReplayStarted(reindexId, "alignment", 0, DateTimeOffset.UtcNow));
        Assert.Equal("completed", (await UntilFinishedAsync(admin))["state"]!.GetValue<string>());

        string rebuilt;
        await using (var back = await FeedFollowerUnderTest.StartAsync(fixture.Host, folder))
        {
            await Eventually.AssertAsync(async () => await back.LiveIndexAsync() != before, Deadline, "the returning instance's own new index to go live");
            await back.UntilIdsAsync(marker, Deadline, person);
            rebuilt = await back.LiveIndexAsync();
        }

        // Started once more it keeps that index, and a new instance keeps the one it filled after the rebuild.
        await using var again = await FeedFollowerUnderTest.StartAsync(fixture.Host, folder);
        await using var fresh = await FeedFollowerUnderTest.StartAsync(fixture.Host, Path.Combine(_folders, "fresh"));
        var filled = await fresh.LiveIndexAsync();
        await UntilTwoFollowerCyclesAsync(again, fresh);
        Assert.Equal((rebuilt, filled), (await again.LiveIndexAsync(), await fresh.LiveIndexAsync()));
    }

    [Fact]
    public async Task With_a_shared_Elasticsearch_index_an_instance_held_up_for_the_whole_rebuild_then_searches_the_new_index()
    {
        var server = new FakeElasticsearch();
        ISearchIndexStore Store() => server.Store("kh-late");
        await fixture.Host.PublishAsync(TestEvents.Project(Guid.NewGuid(), $"Stored {SearchApi.Marker("zl")}"));
        await using var first = await FeedFollowerUnderTest.StartAsync(Database, Store());
        await using var late = await FeedFollowerUnderTest.StartAsync(Database, Store(), following: false);
        var before = await late.LiveIndexAsync();

        var reindexId = (await first.StartRebuildAsync(Database))!.Value;
        foreach (var service in Owners.All)
        {
            await first.Reindex.AnnounceAsync(reindexId, service, 0, TestContext.Current.CancellationToken);
        }

        var next = $"kh-late-{reindexId:N}";
        await Eventually.AssertAsync(async () => await first.LiveIndexAsync() == next, Deadline, "the first instance to search the new index");
        Assert.Equal(before, await late.LiveIndexAsync());

        await late.FollowAsync();
        await Eventually.AssertAsync(async () => await late.LiveIndexAsync() == next, Deadline, "the held-up instance to search the new index");
        Assert.Single(server.Requests, request => request.Path == "/_aliases" && request.Body.Contains(next, StringComparison.Ordinal));
        Assert.Equal(next, server.AliasTarget);

        // An instance started now reads the rebuild from the live index's name: it fills that index and
        // begins no other (beginning one asks whether the rebuild's index exists, before any fill).
        int LookupsOfNext() => server.Requests.Count(request => request.Method == "HEAD" && request.Path == $"/{next}");
        var lookups = LookupsOfNext();
        await using var restarted = await FeedFollowerUnderTest.StartAsync(Database, Store());
        await Eventually.AssertAsync(async () => await restarted.PositionAsync() > 0, Deadline, "the restarted instance to fill its index from the stored documents");
        Assert.Equal((next, lookups), (await restarted.LiveIndexAsync(), LookupsOfNext()));
    }

    [Fact]
    public async Task With_a_shared_Elasticsearch_index_both_instances_fill_one_next_index_and_one_swaps_the_alias()
    {
        var server = new FakeElasticsearch();
        ISearchIndexStore Store() => server.Store("kh-shared");
        await using var first = await FeedFollowerUnderTest.StartAsync(Database, Store());
        await using var second = await FeedFollowerUnderTest.StartAsync(Database, Store());

        var reindexId = (await first.StartRebuildAsync(Database))!.Value;
        await Eventually.AssertAsync(() => Task.FromResult(first.IsFillingNextIndex && second.IsFillingNextIndex), Deadline, "both instances to fill the next index");
        foreach (var service in Owners.All)
        {
            await second.Reindex.AnnounceAsync(reindexId, service, 0, TestContext.Current.CancellationToken);
        }

        var next = $"kh-shared-{reindexId:N}";
        await Eventually.AssertAsync(async () => await first.LiveIndexAsync() == next && await second.LiveIndexAsync() == next, Deadline, "both instances to search the new index");
        var swaps = server.Requests.Where(request => request.Path == "/_aliases" && request.Body.Contains(next, StringComparison.Ordinal)).ToList();
        Assert.Single(swaps);
        Assert.Equal(next, server.AliasTarget);
    }

    public void Dispose()
    {
        Directory.Delete(_folders, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static Task<JsonNode> UntilFinishedAsync(HttpClient admin) =>
        Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is var body && body["state"]!.GetValue<string>() != "running" ? body : null,
            Deadline,
            "the rebuild to finish");

    /// <summary>
    /// Waits until every instance has followed the feed through two cycles begun after now: each
    /// finds one new document, then another written after that; whatever a cycle decides about a
    /// rebuild it finishes within that cycle.
    /// </summary>
    private async Task UntilTwoFollowerCyclesAsync(params FeedFollowerUnderTest[] instances)
    {
        for (var cycle = 0; cycle < 2; cycle++)
        {
            var (marker, project) = (SearchApi.Marker("zc"), Guid.NewGuid());
            await fixture.Host.PublishAsync(TestEvents.Project(project, $"Check {marker}"));
            foreach (var instance in instances)
            {
                await instance.UntilIdsAsync(marker, Deadline, project);
            }
        }
    }

    /// <summary>The other instance answers exactly what the host's endpoint answered.</summary>
    private static async Task AssertSameStatusAsync(JsonNode answered, FeedFollowerUnderTest other)
    {
        var status = JsonSerializer.SerializeToNode(await other.Reindex.StatusAsync(TestContext.Current.CancellationToken), JsonSerializerOptions.Web);
        Assert.True(JsonNode.DeepEquals(answered, status), $"The host answered {answered.ToJsonString()}, the other instance {status?.ToJsonString()}.");
    }

    private async Task<string> HostLiveIndexAsync()
    {
        using var live = await fixture.Host.Get<IndexGenerations>().ReadAsync(TestContext.Current.CancellationToken);
        return live.Index.Name;
    }

    private bool HostFillsNextIndex() => fixture.Host.Get<IndexGenerations>().NextFor is not null;
}

public sealed class Shared_reindex_on_Sqlite(SqliteReindexSearch fixture) : SharedReindexTests(fixture), IClassFixture<SqliteReindexSearch>;

public sealed class Shared_reindex_on_Postgres(PostgresReindexSearch fixture) : SharedReindexTests(fixture), IClassFixture<PostgresReindexSearch>;
