using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// The rebuild protocol, with this test playing the three data-owning services: each answers
/// ReindexRequested by republishing its state as ordinary events naming the reindex in ReplayOf, and
/// says how many with ReindexReplayStarted.
/// </summary>
public abstract class ReindexTests(SearchFixture fixture)
{
    private HttpClient Admin() => fixture.Host.CreateClient(TestUser.Admin());

    [Fact]
    public async Task Only_admins_may_start_or_watch_a_rebuild()
    {
        var employee = fixture.Host.CreateClient(TestUser.Employee());

        using var start = await employee.PostAsync("/api/search/reindex", null);
        using var watch = await employee.GetAsync("/api/search/reindex");

        await start.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await watch.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_rebuild_fills_a_new_index_from_the_replays_while_search_stays_up_then_swaps_it_in()
    {
        var marker = SearchApi.Marker("zx");
        var admin = Admin();
        var reader = fixture.Host.CreateClient(TestUser.Employee());
        var stale = Guid.NewGuid();
        var (person, community, post, project, objective) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.Host.PublishAsync(TestEvents.Project(stale, $"Forgotten {marker}"));
        await fixture.Host.PublishAsync(TestEvents.Person(person, $"Ada {marker}", ["rust"]));
        await reader.UntilIdsAsync($"q={marker}", stale, person);

        using var started = await admin.PostAsync("/api/search/reindex", null);
        await started.EnsureStatusAsync(HttpStatusCode.Accepted);
        var status = await started.ReadJsonAsync();
        Assert.Equal("/api/search/reindex", started.Headers.Location?.OriginalString);
        Assert.Equal("running", status["state"]!.GetValue<string>());
        var reindexId = Guid.Parse(status["reindexId"]!.GetValue<string>());
        var requested = await fixture.Host.Events.WaitForAsync<ReindexRequested>(request => request.ReindexId == reindexId, "the reindex request to be published");
        var again = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        Assert.Equal(reindexId.ToString(), again["reindexId"]!.GetValue<string>());

        // Each service replays its state, every message naming the reindex it answers.
        var replayOf = requested.ReindexId;
        var replayedPerson = TestEvents.Person(person, $"Ada {marker}", ["rust"]) with { ReplayOf = replayOf };
        var replayedCommunity = TestEvents.Community(community, $"Guild {marker}", version: 3) with { ReplayOf = replayOf };
        var replayedPost = TestEvents.Updated(post, community, $"Note {marker}", version: 4) with { ReplayOf = replayOf };
        var replayedProject = TestEvents.Project(project, $"Plan {marker}", version: 5) with { ReplayOf = replayOf };
        var replayedObjective = TestEvents.Objective(objective, $"Goal {marker}", version: 2) with { ReplayOf = replayOf };

        // Expertise and Communities answer; Alignment has delivered one document before announcing two.
        await fixture.Host.PublishAsync(new ReindexReplayStarted(requested.ReindexId, "expertise", 1, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(replayedPerson);
        // A live post, written before Communities read its state but committed after: not part of
        // the replay, so it must not count toward the two, however early its change time.
        var fresh = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Published(fresh, community, $"Fresh note {marker}"));
        await fixture.Host.PublishAsync(new ReindexReplayStarted(requested.ReindexId, "communities", 2, DateTimeOffset.UtcNow.AddMinutes(1)));
        await fixture.Host.PublishAsync(replayedCommunity);
        await fixture.Host.PublishAsync(replayedProject);
        await fixture.Host.PublishAsync(TestEvents.Project(Guid.NewGuid(), "A project replayed for another rebuild") with { ReplayOf = Guid.NewGuid() });
        await fixture.Host.PublishAsync(new ReindexReplayStarted(Guid.NewGuid(), "alignment", 99, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(new ReindexReplayStarted(requested.ReindexId, "alignment", 2, DateTimeOffset.UtcNow));

        var waiting = await Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is var body && body["done"]!.GetValue<int>() == 3 && body["total"]!.GetValue<int>() == 5 ? body : null,
            SearchApi.Deadline,
            "three of five documents done");
        Assert.Equal("running", waiting["state"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["service"] = "communities", ["announced"] = true, ["total"] = 2, ["done"] = 1 }.ToJsonString(), waiting["services"]![1]!.ToJsonString());

        await fixture.Host.PublishAsync(replayedPost);
        var progress = await Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is var body && body["done"]!.GetValue<int>() == 4 && body["total"]!.GetValue<int>() == 5 ? body : null,
            SearchApi.Deadline,
            "four of five documents done");
        Assert.Equal("running", progress["state"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["service"] = "alignment", ["announced"] = true, ["total"] = 2, ["done"] = 1 }.ToJsonString(), progress["services"]![0]!.ToJsonString());
        Assert.Contains(stale.ToString(), await reader.IdsAsync($"q={marker}"));

        // A live edit during the rebuild reaches both indexes; it is no new document for the count.
        // Consumed before the last replay, so it happens during the rebuild, not after it.
        await fixture.Host.PublishAndWaitAsync(TestEvents.Updated(post, community, $"Edited note {marker}", version: 5));
        await fixture.Host.PublishAsync(replayedObjective);

        var done = await Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is var body && body["state"]!.GetValue<string>() == "completed" ? body : null,
            SearchApi.Deadline,
            "the rebuild to complete");
        Assert.Equal((5, 5), (done["done"]!.GetValue<int>(), done["total"]!.GetValue<int>()));
        Assert.NotNull(done["finishedAt"]);
        // Instances promote their new index once past the sweep, so its removal of the forgotten
        // project is in the new index before anyone searches it.
        Assert.True(await PromotedAfterAsync(reindexId) >= await LastFeedPositionAsync(DocumentKeys.Of(DocumentTypes.Project, stale)), "promotion after the sweep's removal");
        await reader.UntilIdsAsync($"q={marker}", person, community, post, fresh, project, objective);
        // The index applies its feed after the rebuild's count completes: the edit shows once applied.
        await Eventually.AssertAsync(
            async () => (await reader.SearchAsync($"q={marker}&type=post"))["items"]!.AsArray()
                .Single(item => item!["id"]!.GetValue<string>() == post.ToString())!["title"]!.GetValue<string>() == $"Edited note {marker}",
            SearchApi.Deadline,
            "the live edit in the new index");

        // The new index keeps its versions: an older event still changes nothing.
        await fixture.Host.PublishAndWaitAsync(TestEvents.Updated(post, community, $"Stale note {marker}", version: 3));
        await fixture.Host.RefreshIndexAsync();
        Assert.Empty(await reader.IdsAsync($"q=stale+{marker}"));
    }

    private async Task<long> PromotedAfterAsync(Guid reindexId)
    {
        await using var connection = await fixture.Host.Get<SearchDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT promote_after FROM reindex_runs WHERE reindex_id = @Id", new { Id = reindexId });
    }

    private async Task<long> LastFeedPositionAsync(string key)
    {
        await using var connection = await fixture.Host.Get<SearchDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT MAX(position) FROM search_feed WHERE doc_key = @Key", new { Key = key });
    }
}

/// <summary>A rebuild that a service never answers fails; the live index keeps serving.</summary>
public abstract class StalledReindexTests(SearchFixture fixture)
{
    [Fact]
    public async Task A_rebuild_that_a_service_never_answers_fails_and_the_live_index_stays()
    {
        var marker = SearchApi.Marker("zf");
        var admin = fixture.Host.CreateClient(TestUser.Admin());
        var reader = fixture.Host.CreateClient(TestUser.Employee());
        var project = Guid.NewGuid();
        await fixture.Host.PublishAsync(TestEvents.Project(project, $"Keeper {marker}"));
        await reader.UntilIdsAsync($"q={marker}", project);

        var started = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        await fixture.Host.PublishAsync(new ReindexReplayStarted(Guid.Parse(started["reindexId"]!.GetValue<string>()), "expertise", 0, DateTimeOffset.UtcNow));

        var failed = await Eventually.GetAsync(
            async () => await admin.GetJsonAsync("/api/search/reindex") is var body && body["state"]!.GetValue<string>() == "failed" ? body : null,
            SearchApi.Deadline,
            "the rebuild to fail");
        var reason = failed["reason"]!.GetValue<string>();
        Assert.Contains("communities (no answer)", reason);
        Assert.Contains("alignment (no answer)", reason);
        Assert.DoesNotContain("expertise", reason);
        Assert.Equal([project.ToString()], await reader.IdsAsync($"q={marker}"));

        var retried = await admin.PostJsonAsync("/api/search/reindex", new { }, HttpStatusCode.Accepted);
        Assert.NotEqual(started["reindexId"]!.GetValue<string>(), retried["reindexId"]!.GetValue<string>());
        Assert.Equal("running", retried["state"]!.GetValue<string>());
    }
}

public sealed class Reindex_on_Sqlite(SqliteReindexSearch fixture) : ReindexTests(fixture), IClassFixture<SqliteReindexSearch>;

public sealed class Reindex_on_Postgres(PostgresReindexSearch fixture) : ReindexTests(fixture), IClassFixture<PostgresReindexSearch>;

public sealed class Stalled_reindex_on_Sqlite(SqliteImpatientSearch fixture) : StalledReindexTests(fixture), IClassFixture<SqliteImpatientSearch>;

public sealed class Stalled_reindex_on_Postgres(PostgresImpatientSearch fixture) : StalledReindexTests(fixture), IClassFixture<PostgresImpatientSearch>;
