using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Index.Lucene;
using KnowledgeHub.Search.Reindex;
using KnowledgeHub.Search.Tests.Index;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// Another Search instance, as far as the feed and rebuilds are concerned: its own Lucene index in
/// its own folder, its own follower and its own rebuild watchdog, over the module host's database.
/// </summary>
internal sealed class FeedFollowerUnderTest : IAsyncDisposable
{
    private readonly IndexGenerations _generations;
    private readonly SearchFeedFollower _follower;
    private readonly ReindexWatchdog _watchdog;

    private FeedFollowerUnderTest(SearchDatabase database, ISearchIndexStore store, ReindexSettings reindex, ILogger<SearchFeedFollower>? logger)
    {
        _generations = new IndexGenerations(store, NullLogger<IndexGenerations>.Instance);
        var signal = new SearchFeedSignal();
        Feed = new SearchFeed(signal, TimeProvider.System);
        Reindex = new ReindexCoordinator(database, Feed, reindex, TimeProvider.System, NullLogger<ReindexCoordinator>.Instance);
        _follower = new SearchFeedFollower(
            _generations,
            new SearchFeedReader(database),
            signal,
            new InstanceRebuild(database, _generations, store, TimeProvider.System, NullLogger<InstanceRebuild>.Instance),
            TimeProvider.System,
            logger ?? NullLogger<SearchFeedFollower>.Instance);
        _watchdog = new ReindexWatchdog(Reindex, TimeProvider.System, NullLogger<ReindexWatchdog>.Instance);
    }

    /// <summary>The feed position the index held when it was opened, before following anything.</summary>
    public long OpenedAt { get; private set; }

    /// <summary>This instance's writer of the feed, as its consumers use it.</summary>
    public SearchFeed Feed { get; }

    /// <summary>This instance's view of the rebuild, as its endpoints and consumers use it.</summary>
    public ReindexCoordinator Reindex { get; }

    /// <summary>An instance with a Lucene index in <paramref name="folder"/>.</summary>
    public static Task<FeedFollowerUnderTest> StartAsync(ModuleTestHost host, string folder, ReindexSettings? reindex = null) =>
        StartAsync(host.Get<SearchDatabase>(), new LuceneIndexStore(folder, TimeProvider.System, NullLogger<LuceneIndexStore>.Instance), reindex);

    /// <summary>An instance with its live index open; with <paramref name="following"/> false it does nothing more until <see cref="FollowAsync"/>, like a process held up.</summary>
    public static async Task<FeedFollowerUnderTest> StartAsync(SearchDatabase database, ISearchIndexStore store, ReindexSettings? reindex = null, ILogger<SearchFeedFollower>? logger = null, bool following = true)
    {
        var instance = new FeedFollowerUnderTest(database, store, reindex ?? new ReindexSettings(), logger);
        using (var live = await instance._generations.ReadAsync(TestContext.Current.CancellationToken))
        {
            instance.OpenedAt = live.Index.FeedPosition;
        }

        if (following)
        {
            await instance.FollowAsync();
        }

        return instance;
    }

    /// <summary>Starts following the feed and watching rebuilds.</summary>
    public async Task FollowAsync()
    {
        await _follower.StartAsync(TestContext.Current.CancellationToken);
        await _watchdog.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Whether the follower still runs: it must never stop on a failure.</summary>
    public bool IsFollowing => _follower.ExecuteTask is { IsCompleted: false };

    /// <summary>The name of this instance's live index: a promoted rebuild changes it.</summary>
    public async Task<string> LiveIndexAsync()
    {
        using var live = await _generations.ReadAsync(TestContext.Current.CancellationToken);
        return live.Index.Name;
    }

    /// <summary>Whether this instance is filling a next index for a rebuild.</summary>
    public bool IsFillingNextIndex => _generations.NextFor is not null;

    /// <summary>Starts a rebuild on this instance, as its endpoint does; null when one already runs.</summary>
    public async Task<Guid?> StartRebuildAsync(SearchDatabase database)
    {
        await using var work = await database.BeginAsync(TestContext.Current.CancellationToken);
        var started = await Reindex.TryStartAsync(work);
        await work.CommitAsync();
        return started;
    }

    /// <summary>Stores <paramref name="document"/> as this instance's consumer does, in its own transaction.</summary>
    public async Task ConsumeAsync(SearchDatabase database, string owner, SearchDocument document, Guid? replayOf)
    {
        await using var work = await database.BeginAsync(TestContext.Current.CancellationToken);
        await Feed.UpsertAsync(work, owner, document, replayOf);
        await work.CommitAsync();
    }

    /// <summary>The feed position this instance's index has reached.</summary>
    public async Task<long> PositionAsync()
    {
        using var live = await _generations.ReadAsync(TestContext.Current.CancellationToken);
        return live.Index.FeedPosition;
    }

    /// <summary>The ids this instance's index finds for <paramref name="text"/>, each as often as it is found.</summary>
    public async Task<List<Guid>> IdsAsync(string text)
    {
        using var live = await _generations.ReadAsync(TestContext.Current.CancellationToken);
        await live.Index.RefreshAsync(TestContext.Current.CancellationToken);
        var results = await live.Index.SearchAsync(Docs.Query(text, limit: 100), TestContext.Current.CancellationToken);
        return [.. results.Items.Select(hit => hit.Id)];
    }

    /// <summary>Waits until this instance finds exactly <paramref name="expected"/> for <paramref name="text"/>, each once.</summary>
    public Task UntilIdsAsync(string text, params Guid[] expected) => UntilIdsAsync(text, SearchApi.Deadline, expected);

    public async Task UntilIdsAsync(string text, TimeSpan timeout, params Guid[] expected)
    {
        List<Guid> found = [];
        try
        {
            await Eventually.AssertAsync(
                async () => (found = await IdsAsync(text)).Order().SequenceEqual(expected.Order()),
                timeout,
                $"'{text}' to find exactly {expected.Length} documents, each once");
        }
        catch (TimeoutException elapsed)
        {
            throw new TimeoutException($"{elapsed.Message} Last found {found.Count}: {expected.Except(found).Count()} missing, {found.Count - found.Distinct().Count()} repeated, {found.Except(expected).Count()} unexpected.", elapsed);
        }
    }

    /// <summary>Stops like a process that shuts down: the index commits what it applied, with its position.</summary>
    public async ValueTask DisposeAsync()
    {
        await _watchdog.StopAsync(CancellationToken.None);
        _watchdog.Dispose();
        await _follower.StopAsync(CancellationToken.None);
        _follower.Dispose();
        _generations.Dispose();
    }
}
