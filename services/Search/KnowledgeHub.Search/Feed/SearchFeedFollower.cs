using KnowledgeHub.Data;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Reindex;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Feed;

/// <summary>
/// Carries the search feed into this instance's index generations, each from its own position:
/// a new generation (first start, a deleted index folder, a reindex) or one that fell behind the
/// pruned feed is first filled from the stored documents up to the feed's head, then follows the feed. Woken by local commits, and
/// polling for other instances' entries. Positions are recorded in the index with the writes, so
/// a crash replays from the last durable one; the versions make a repeat harmless.
/// </summary>
internal sealed partial class SearchFeedFollower(
    IndexGenerations generations,
    SearchFeedReader feed,
    SearchFeedSignal signal,
    InstanceRebuild rebuild,
    TimeProvider time,
    ILogger<SearchFeedFollower> logger) : BackgroundService
{
    /// <summary>How often the feed is read when no local commit wakes the follower (other instances' writes).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await FollowOnceAsync(stoppingToken);
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was applied is committed with its position when the index closes.
        }
    }

    // An exception escaping a background service stops the whole host: a database or disk that is
    // down for a while must only delay search, and the next attempt resumes from the index's position.
    private async Task FollowOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await CatchUpAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogFollowFailed(logger, exception, RetryDelay.TotalSeconds);
            await Task.Delay(RetryDelay, time, stoppingToken);
        }
    }

    /// <summary>Brings every generation up to the feed's current head, and promotes a rebuilt one that is ready.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        // One connection for the pass's reads: the follower passes after nearly every local commit, and a
        // connection per read cost two more pool round trips (and PostgreSQL's reset of each) a pass.
        ReindexRun? completed;
        await using (var session = await feed.OpenSessionAsync(cancellationToken))
        {
            completed = await rebuild.PrepareAsync(session);
            var head = await feed.HeadAsync(session);
            foreach (var lease in await generations.WriteAsync(cancellationToken))
            {
                using (lease)
                {
                    await CatchUpAsync(session, lease.Index, head);
                }
            }
        }

        if (completed is not null)
        {
            await rebuild.PromoteAsync(completed, cancellationToken);
        }
    }

    private async Task CatchUpAsync(DbSession session, ISearchIndex index, long head)
    {
        var cancellationToken = session.CancellationToken;
        if (index.FeedPosition == 0 && head > 0)
        {
            await FillAsync(session, index, head);
        }

        while (index.FeedPosition < head)
        {
            var entries = await feed.AfterAsync(session, index.FeedPosition);
            if (entries.Count == 0 || entries[0].Position > index.FeedPosition + 1)
            {
                // Positions are gap-free and every one up to the head has committed: a gap, or
                // nothing at all, means the entries this index needs were pruned (SearchFeedPruner).
                LogBehindPrunedFeed(logger, index.Name, index.FeedPosition);
                await FillAsync(session, index, head);
                return;
            }

            foreach (var entry in entries)
            {
                await entry.ApplyToAsync(index, cancellationToken);
            }

            index.AdvanceFeedPosition(entries[^1].Position);
        }
    }

    /// <summary>
    /// Fills a new index with every stored document: all positions up to <paramref name="head"/>
    /// had committed before the scan began, so it sees them; later ones follow from the feed.
    /// </summary>
    private async Task FillAsync(DbSession session, ISearchIndex index, long head)
    {
        var cancellationToken = session.CancellationToken;
        LogFilling(logger, index.Name, head);
        var documents = 0;
        var after = "";
        while (await feed.DocumentsAfterAsync(session, after) is { Count: > 0 } batch)
        {
            foreach (var document in batch)
            {
                await document.ApplyToAsync(index, cancellationToken);
            }

            documents += batch.Count;
            after = batch[^1].DocKey;
        }

        index.AdvanceFeedPosition(head);
        LogFilled(logger, index.Name, documents);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Following the search feed failed; retrying in {Seconds} s from the index's position")]
    private static partial void LogFollowFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index {Index} is at feed position {Position}, behind the pruned feed; refilling it from the stored documents")]
    private static partial void LogBehindPrunedFeed(ILogger logger, string index, long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Filling the search index {Index} from the stored documents (feed head {Head})")]
    private static partial void LogFilling(ILogger logger, string index, long head);

    [LoggerMessage(Level = LogLevel.Information, Message = "Filled the search index {Index} with {Documents} stored documents")]
    private static partial void LogFilled(ILogger logger, string index, int documents);
}
