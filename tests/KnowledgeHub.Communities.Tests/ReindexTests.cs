using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

/// <summary>Search rebuilds its index by asking every service to republish its state.</summary>
public abstract class ReindexTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");

    [Fact]
    public async Task A_reindex_request_replays_every_community_and_post_after_announcing_how_many()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var open = await lead.CreateCommunityAsync();
        var closed = await lead.CreateCommunityAsync("closed");
        var article = await lead.PublishAsync(open.Id(), CommunityApi.Article());
        var secret = await lead.PublishAsync(closed.Id(), CommunityApi.Question());
        using var edited = await lead.SendJsonAsync(HttpMethod.Put, $"/api/posts/{article.Id()}", new { title = "Edited", body = "Newer", tags = Array.Empty<string>() });
        await edited.EnsureStatusAsync(System.Net.HttpStatusCode.OK);
        var reindexId = Guid.NewGuid();

        await fixture.Host.PublishAsync(new ReindexRequested(reindexId, DateTimeOffset.UtcNow));

        var started = await fixture.Host.Events.WaitForAsync<ReindexReplayStarted>(evt => evt.ReindexId == reindexId, "ReindexReplayStarted");
        var documents = await fixture.Host.CountAsync("SELECT (SELECT count(*) FROM communities) + (SELECT count(*) FROM posts)");
        Assert.Equal(("communities", documents), (started.Service, (long)started.Total));
        var replay = await Eventually.GetAsync(
            () => Task.FromResult(ReplayOf(reindexId) is { Count: var count } all && count == started.Total ? all : null),
            TimeSpan.FromSeconds(10),
            "the whole replay");
        Assert.Contains(replay, evt => evt is CommunityChanged changed && changed.CommunityId.ToString() == closed.Id() && changed.Visibility == "closed");
        Assert.Contains(replay, evt => evt is PostUpdated post && post.PostId.ToString() == secret.Id() && post.CommunityVisibility == "closed");
        Assert.Contains(replay, evt => evt is PostUpdated post && post.PostId.ToString() == article.Id() && post is { Version: 2, Title: "Edited" });
    }

    [Fact]
    public async Task A_reindex_is_replayed_once_however_often_it_is_requested()
    {
        await fixture.Host.CreateClient(_lead).CreateCommunityAsync();
        var request = new ReindexRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);
        var messageId = await fixture.Host.PublishAsync(request);
        await fixture.Host.Events.WaitForAsync<ReindexReplayStarted>(evt => evt.ReindexId == request.ReindexId, "the first replay");

        await fixture.Host.PublishAsync(request, messageId);
        var replayed = await fixture.Host.PublishAsync(request);
        await Eventually.AssertAsync(() => fixture.Host.InboxHasAsync(replayed), TimeSpan.FromSeconds(10), "the replayed request to be consumed");
        // Replays leave in order: once a later reindex has started, a second replay of the first would have too.
        var later = new ReindexRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);
        await fixture.Host.PublishAsync(later);
        await fixture.Host.Events.WaitForAsync<ReindexReplayStarted>(evt => evt.ReindexId == later.ReindexId, "the later replay");

        Assert.Single(fixture.Host.Events.OfType<ReindexReplayStarted>(), evt => evt.ReindexId == request.ReindexId);
    }

    /// <summary>The community and post events that name <paramref name="reindexId"/> as the replay they belong to.</summary>
    private List<object> ReplayOf(Guid reindexId) =>
        fixture.Host.Events.OfType<object>()
            .Where(evt => evt is CommunityChanged { ReplayOf: var community } && community == reindexId
                || evt is PostUpdated { ReplayOf: var post } && post == reindexId)
            .ToList();
}

public sealed class Reindex_on_Sqlite(SqliteCommunities fixture) : ReindexTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Reindex_on_Postgres(PostgresCommunities fixture) : ReindexTests(fixture), IClassFixture<PostgresCommunities>;
