using Dapper;
using KnowledgeHub.Search.Consumers;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Tests.Index;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The durable search feed (ADR 0029): consumers store documents and feed entries in the inbox
/// transaction; every Search instance follows the feed into its own index. The followers built
/// here stand for further Search instances over the same database, each with its own index.
/// </summary>
public abstract class SearchFeedTests(SearchFixture fixture) : IDisposable
{
    private readonly string _folders = Directory.CreateTempSubdirectory("kh-search-feed-").FullName;

    private string Folder(string name) => Path.Combine(_folders, name);

    [Fact]
    public async Task Redelivered_replayed_and_late_events_change_nothing_and_append_nothing()
    {
        var marker = SearchApi.Marker("zd");
        var project = Guid.NewGuid();
        var reader = fixture.Host.CreateClient(TestUser.Employee());
        var messageId = Guid.NewGuid();
        await fixture.Host.PublishAndWaitAsync(TestEvents.Project(project, $"Launch {marker}", version: 2), messageId);
        await reader.UntilIdsAsync($"q={marker}", project);

        await fixture.Host.PublishAndWaitAsync(TestEvents.Project(project, $"Launch {marker}", version: 2), messageId);
        await fixture.Host.PublishAndWaitAsync(TestEvents.Project(project, $"Launch {marker}", version: 2));
        await fixture.Host.PublishAndWaitAsync(TestEvents.Project(project, $"Draft {marker}", version: 1));
        await fixture.Host.RefreshIndexAsync();

        var found = await reader.SearchAsync($"q={marker}");
        Assert.Equal(1, found["total"]!.GetValue<int>());
        Assert.Equal($"Launch {marker}", found["items"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(1, await FeedEntriesAsync(DocumentKeys.Of(DocumentTypes.Project, project)));
    }

    [Fact]
    public async Task Documents_written_at_once_each_reach_another_instances_index()
    {
        var marker = SearchApi.Marker("zw");
        var posts = Enumerable.Range(0, 80).Select(_ => Guid.NewGuid()).ToArray();
        var database = fixture.Host.Get<SearchDatabase>();
        await using var instance = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("at-once"));

        // Each in its own transaction, all at once, as a busy consumer writes them, while the instance
        // follows: a follower past a position never reads it, so the feed must never show a later
        // position before an earlier one has committed.
        await Task.WhenAll(posts.Select((post, number) => Task.Run(async () =>
        {
            await using var work = await database.BeginAsync(TestContext.Current.CancellationToken);
            var document = PostDocuments.From("PostPublished", post, Guid.NewGuid(), "open", $"Written at once {marker} {number}", null, null, "IT", 1, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
            await instance.Feed.UpsertAsync(work, Owners.Communities, document, replayOf: null);
            await work.CommitAsync();
        })));

        await instance.UntilIdsAsync(marker, posts);
    }

    [Fact]
    public async Task A_restarted_instance_resumes_from_the_position_its_index_committed()
    {
        var marker = SearchApi.Marker("zr");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.PublishAndWaitAsync(TestEvents.Project(first, $"Before {marker}"));
        long stoppedAt;
        await using (var instance = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("restarted")))
        {
            await instance.UntilIdsAsync(marker, first);
            // The follower advances its position once the whole batch is applied: a refresh can find
            // the batch's documents a moment before (a CI run read 0 here).
            await Eventually.AssertAsync(async () => await instance.PositionAsync() > 0, SearchApi.Deadline, "the first run to record the position it applied");
            stoppedAt = await instance.PositionAsync();
        }

        await fixture.Host.PublishAndWaitAsync(TestEvents.Person(second, $"While stopped {marker}"));
        await using var restarted = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("restarted"));

        Assert.Equal(stoppedAt, restarted.OpenedAt);
        await restarted.UntilIdsAsync(marker, first, second);
    }

    [Fact]
    public async Task A_deleted_index_folder_is_rebuilt_from_the_stored_documents_without_removed_ones()
    {
        var marker = SearchApi.Marker("zb");
        var (community, kept, removed, person) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.PublishAndWaitAsync(TestEvents.Published(kept, community, $"Kept {marker}"));
        await fixture.Host.PublishAndWaitAsync(TestEvents.Published(removed, community, $"Removed {marker}"));
        await fixture.Host.PublishAndWaitAsync(TestEvents.Person(person, $"Grace {marker}"));
        await fixture.Host.PublishAndWaitAsync(new Contracts.Communities.PostRemoved(removed, community, Guid.NewGuid(), 2, DateTimeOffset.UtcNow));
        await using (var instance = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("deleted")))
        {
            await instance.UntilIdsAsync(marker, kept, person);
        }

        Directory.Delete(Folder("deleted"), recursive: true);
        await using var rebuilt = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("deleted"));

        Assert.Equal(0, rebuilt.OpenedAt);
        await rebuilt.UntilIdsAsync(marker, kept, person);

        // The rebuilt index keeps following: a late, older version of the removed post stays out.
        await fixture.Host.PublishAndWaitAsync(TestEvents.Updated(removed, community, $"Revived {marker}", version: 1));
        await fixture.Host.PublishAndWaitAsync(TestEvents.Updated(kept, community, $"Kept and edited {marker}", version: 2));
        await Eventually.AssertAsync(async () => (await rebuilt.IdsAsync($"edited {marker}")).SequenceEqual([kept]), SearchApi.Deadline, "the edit to reach the rebuilt index");
        Assert.Equal(new[] { kept, person }.Order(), (await rebuilt.IdsAsync(marker)).Order());
    }

    [Fact]
    public async Task An_instance_behind_the_pruned_feed_refills_its_index_from_the_stored_documents()
    {
        var marker = SearchApi.Marker("zp");
        var (community, before, after, later) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.PublishAndWaitAsync(TestEvents.Published(before, community, $"Before {marker}"));
        await using (var instance = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("behind")))
        {
            await instance.UntilIdsAsync(marker, before);
        }

        // While the instance is down its post is removed and another published; then every entry
        // is older than the retention (the pruner's clock runs two minutes ahead) and is pruned.
        await fixture.Host.PublishAndWaitAsync(new Contracts.Communities.PostRemoved(before, community, Guid.NewGuid(), 2, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAndWaitAsync(TestEvents.Published(after, community, $"After {marker}"));
        var pruner = new SearchFeedPruner(fixture.Host.Get<SearchDatabase>(), new SearchFeedSettings { Retention = TimeSpan.FromMinutes(1) }, new ClockAhead(TimeSpan.FromMinutes(2)), NullLogger<SearchFeedPruner>.Instance);
        Assert.True(await pruner.PruneAsync(TestContext.Current.CancellationToken) >= 2, "the entries since the instance stopped were not pruned");
        Assert.Equal(0, await FeedEntriesAsync(DocumentKeys.Of(DocumentTypes.Post, after)));
        // The feed goes on after the gap: following it alone would miss what was pruned.
        await fixture.Host.PublishAndWaitAsync(TestEvents.Published(later, community, $"Later {marker}"));

        await using var restarted = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("behind"));
        await restarted.UntilIdsAsync(marker, after, later);
    }

    [Fact]
    public async Task Two_instances_with_their_own_indexes_over_one_database_both_find_every_document()
    {
        var marker = SearchApi.Marker("zt");
        await using var left = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("left"));
        await using var right = await FeedFollowerUnderTest.StartAsync(fixture.Host, Folder("right"));
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(ids.Select((id, number) => (number % 3) switch
        {
            0 => fixture.Host.PublishAsync(TestEvents.Project(id, $"Project {number} {marker}")),
            1 => fixture.Host.PublishAsync(TestEvents.Person(id, $"Person {number} {marker}")),
            _ => fixture.Host.PublishAsync(TestEvents.Objective(id, $"Objective {number} {marker}")),
        }));

        // Thirty documents through two indexes on a shared, busy machine: a longer wait, not a slower test.
        await left.UntilIdsAsync(marker, TimeSpan.FromSeconds(20), ids);
        await right.UntilIdsAsync(marker, TimeSpan.FromSeconds(20), ids);
        await fixture.Host.CreateClient(TestUser.Employee()).UntilIdsAsync($"q={marker}&limit=100", ids);
    }

    [Fact]
    public async Task An_Elasticsearch_index_is_filled_and_kept_current_through_the_same_follower_with_external_versions()
    {
        var (person, project) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.PublishAndWaitAsync(TestEvents.Person(person, "Ada Lovelace", version: 3));
        var server = new FakeElasticsearch();
        await using var instance = await FeedFollowerUnderTest.StartAsync(fixture.Host.Get<SearchDatabase>(), server.Store("kh-feed"));

        await UntilIndexedAsync(server, DocumentKeys.Of(DocumentTypes.Person, person), 3);
        await fixture.Host.PublishAndWaitAsync(TestEvents.Project(project, "Apollo", version: 2));
        await UntilIndexedAsync(server, DocumentKeys.Of(DocumentTypes.Project, project), 2);
        var upsert = server.Requests.Where(request => request.Path == "/_bulk").SelectMany(request => request.Lines)
            .First(line => line["index"]?["_id"]?.GetValue<string>() == DocumentKeys.Of(DocumentTypes.Project, project));
        Assert.Equal("external", upsert["index"]!["version_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_busy_Elasticsearch_cluster_only_delays_the_index_because_the_follower_retries_its_writes()
    {
        var project = Guid.NewGuid();
        var server = new FakeElasticsearch();
        await using var instance = await FeedFollowerUnderTest.StartAsync(fixture.Host.Get<SearchDatabase>(), server.Store("kh-busy"));
        server.Busy = 2;

        await fixture.Host.PublishAndWaitAsync(TestEvents.Project(project, "Apollo", version: 2));

        await UntilIndexedAsync(server, DocumentKeys.Of(DocumentTypes.Project, project), 2);
        Assert.Equal(0, server.Busy);
    }

    public void Dispose()
    {
        Directory.Delete(_folders, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits until the server applied a bulk write of <paramref name="key"/> at external <paramref name="version"/>.</summary>
    private static Task UntilIndexedAsync(FakeElasticsearch server, string key, long version) =>
        Eventually.AssertAsync(
            () => Task.FromResult(server.Applied.Contains((key, version))),
            SearchApi.Deadline,
            $"Elasticsearch to apply {key} at version {version}");

    private sealed class ClockAhead(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    private async Task<long> FeedEntriesAsync(string key)
    {
        await using var connection = await fixture.Host.Get<SearchDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM search_feed WHERE doc_key = @Key", new { Key = key });
    }
}

public sealed class Search_feed_on_Sqlite(SqliteSearch fixture) : SearchFeedTests(fixture), IClassFixture<SqliteSearch>;

public sealed class Search_feed_on_Postgres(PostgresSearch fixture) : SearchFeedTests(fixture), IClassFixture<PostgresSearch>;
