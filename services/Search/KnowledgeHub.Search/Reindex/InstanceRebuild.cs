using KnowledgeHub.Data;
using KnowledgeHub.Search.Index;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Reindex;

/// <summary>
/// This instance's part in the rebuild the database records (ADR 0080), played by its feed
/// follower: a running rebuild gets a next index here (filled from the stored documents, then
/// following the feed), a failed or vanished one loses it, and a completed one has it promoted once
/// it has followed the feed past the sweep. An instance that starts or restarts mid-rebuild simply
/// joins in; one that missed the whole run rebuilds its own index once it sees the run completed; one
/// that dies holds nothing the others wait for.
/// </summary>
internal sealed partial class InstanceRebuild(
    SearchDatabase database,
    IndexGenerations generations,
    ISearchIndexStore store,
    TimeProvider time,
    ILogger<InstanceRebuild> logger)
{
    // A shared index's alias is swapped by one instance: the one whose update claims it, holding the
    // row until the swap is done; if it dies first, its transaction rolls back and another swaps.
    private const string ClaimSwapSql = "UPDATE reindex_runs SET swapped_at = @Now WHERE reindex_id = @Id AND swapped_at IS NULL";

    /// <summary>
    /// Begins or abandons this instance's next index as the latest rebuild requires, and answers that
    /// rebuild when it completed and this instance's next index is its own. Call it before reading the
    /// feed's head: the sweep had committed, so an index caught up with that head is past it.
    /// </summary>
    public async Task<ReindexRun?> PrepareAsync(DbSession session)
    {
        var cancellationToken = session.CancellationToken;
        var run = await session.QueryOneAsync<ReindexRun>(ReindexRun.LatestSql);

        if (generations.NextFor is { } filling && (run?.Id != filling || run.State == ReindexStatus.Failed))
        {
            generations.AbandonNext();
            LogAbandoned(logger, filling);
        }

        if (run is { IsRunning: true } && generations.NextFor is null)
        {
            await generations.BeginNextAsync(run.Id, cancellationToken);
            LogFilling(logger, run.Id);
        }
        else if (run is { State: ReindexStatus.Completed } && generations.NextFor is null && await MissedAsync(run, cancellationToken))
        {
            await generations.BeginNextAsync(run.Id, cancellationToken);
            LogCatchingUp(logger, run.Id);
        }

        return run is { State: ReindexStatus.Completed, PromoteAfter: not null } && generations.NextFor == run.Id ? run : null;
    }

    /// <summary>Makes this instance's next index of the completed <paramref name="run"/> live; call it once that index caught up with the feed.</summary>
    public async Task PromoteAsync(ReindexRun run, CancellationToken cancellationToken)
    {
        if (!store.Shared)
        {
            await generations.PromoteNextAsync(swappedElsewhere: false, cancellationToken);
            LogPromoted(logger, run.Id);
            return;
        }

        await using var work = await database.BeginAsync(cancellationToken);
        if (await work.ExecuteAsync(ClaimSwapSql, new { run.Id, Now = time.UtcNowForDatabase() }) == 1)
        {
            await generations.PromoteNextAsync(swappedElsewhere: false, cancellationToken);
            await work.CommitAsync();
            LogPromoted(logger, run.Id);
            return;
        }

        await generations.PromoteNextAsync(swappedElsewhere: true, cancellationToken);
    }

    /// <summary>
    /// Whether this instance's live index lacks the completed <paramref name="run"/>: the instance never
    /// saw it running (it was stopped, or its follower was held up for the whole run). A new index of
    /// its own, about to be filled from the stored documents, holds the run's result once filled:
    /// the sweep had committed before the feed's head is read.
    /// </summary>
    private async Task<bool> MissedAsync(ReindexRun run, CancellationToken cancellationToken)
    {
        using var live = await generations.ReadAsync(cancellationToken);
        if (live.Index.Rebuild == run.Id)
        {
            return false;
        }

        if (!store.Shared && live.Index.FeedPosition == 0)
        {
            live.Index.RecordRebuild(run.Id);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {ReindexId}: filling a new index on this instance")]
    private static partial void LogFilling(ILogger logger, Guid reindexId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reindex {ReindexId} completed without this instance; filling a new index of its own from the stored documents")]
    private static partial void LogCatchingUp(ILogger logger, Guid reindexId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {ReindexId}: the new index is live")]
    private static partial void LogPromoted(ILogger logger, Guid reindexId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {ReindexId} is over without completing; this instance's new index is dropped, the live one stays")]
    private static partial void LogAbandoned(ILogger logger, Guid reindexId);
}
