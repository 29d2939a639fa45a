using KnowledgeHub.Data;
using KnowledgeHub.Search.Feed;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Reindex;

/// <summary>
/// One rebuild at a time, shared by every Search instance through the Search database (ADR 0080):
/// any instance may start it, count the replays and announcements it consumed, answer its status,
/// and complete or fail it. The services replay their state into the stored documents; a rebuild
/// completes once every service has announced its total and delivered it, counting, per service,
/// the distinct documents whose message names this rebuild in its ReplayOf (ADR 0046). Completing
/// sweeps away the documents no event named since the start, once, in the transaction that claims
/// the completion; each instance then promotes its own next index once it has followed the feed
/// past that sweep (<see cref="InstanceRebuild"/>). A rebuild that stops progressing fails and
/// leaves the live indexes as they were.
/// </summary>
internal sealed partial class ReindexCoordinator(
    SearchDatabase database,
    SearchFeed feed,
    ReindexSettings settings,
    TimeProvider time,
    ILogger<ReindexCoordinator> logger)
{
    // The unique partial index on the running state makes a second start a no-op, on every instance.
    private const string StartSql = """
        INSERT INTO reindex_runs (reindex_id, state, services, started_at)
        VALUES (@Id, 'running', @Services, @Now)
        ON CONFLICT (state) WHERE state = 'running' DO NOTHING
        """;

    private const string AnnounceSql = """
        INSERT INTO reindex_announcements (reindex_id, service, total, announced_at)
        SELECT @Id, @Service, @Total, @Now
        WHERE EXISTS (SELECT 1 FROM reindex_runs WHERE reindex_id = @Id AND state = 'running')
        ON CONFLICT (reindex_id, service) DO NOTHING
        """;

    // Conditional on the running state: of several instances finishing at once, one changes the row.
    private const string FinishSql = """
        UPDATE reindex_runs SET state = @State, finished_at = @Now, reason = @Reason
        WHERE reindex_id = @Id AND state = 'running'
        """;

    private const string PromoteAfterSql = """
        UPDATE reindex_runs SET promote_after = (SELECT position FROM search_feed_head WHERE singleton = 1)
        WHERE reindex_id = @Id
        """;

    public async Task<ReindexStatus> StatusAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return (await ReindexProgress.ReadLatestAsync(session))?.ToStatus() ?? ReindexStatus.Never;
    }

    /// <summary>
    /// Records a new rebuild in <paramref name="work"/> unless one runs; returns the new one's id,
    /// or null when one was already running (its status is then read after this transaction).
    /// </summary>
    public async Task<Guid?> TryStartAsync(UnitOfWork work)
    {
        var id = Guid.CreateVersion7();
        var started = await work.ExecuteAsync(StartSql, new { Id = id, Services = string.Join(',', settings.Services), Now = time.UtcNowForDatabase() });
        if (started == 0)
        {
            return null;
        }

        work.AfterCommit(() => LogStarted(logger, id));
        return id;
    }

    /// <summary>A service said how many documents its replay for <paramref name="reindexId"/> holds; the first word counts.</summary>
    public async Task AnnounceAsync(Guid reindexId, string service, int total, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        await work.ExecuteAsync(AnnounceSql, new { Id = reindexId, Service = service, Total = total, Now = time.UtcNowForDatabase() });
        await work.CommitAsync();
    }

    /// <summary>Completes the running rebuild when every replay arrived, or fails it when none progressed for the stall timeout.</summary>
    public async Task AdvanceAsync(CancellationToken cancellationToken)
    {
        ReindexProgress? progress;
        await using (var session = await database.OpenSessionAsync(cancellationToken))
        {
            progress = await ReindexProgress.ReadLatestAsync(session);
        }

        if (progress is not { Run.IsRunning: true })
        {
            return;
        }

        if (progress.IsComplete)
        {
            await CompleteAsync(progress, cancellationToken);
        }
        else if (time.GetUtcNow() - progress.LastProgressAt > settings.StallTimeout)
        {
            await FailAsync(progress.Run.Id, $"No progress for {settings.StallTimeout.TotalSeconds:0} s; still waiting for: {string.Join(", ", progress.Missing())}.", cancellationToken);
        }
    }

    public async Task FailAsync(Guid reindexId, string reason, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        if (await FinishAsync(work, reindexId, ReindexStatus.Failed, reason))
        {
            await work.CommitAsync();
            LogFailed(logger, reindexId, reason);
        }
    }

    /// <summary>
    /// Claims the completion and sweeps in one transaction: an instance that dies half-way holds
    /// nothing, its transaction rolls back, and another instance completes the rebuild.
    /// </summary>
    private async Task CompleteAsync(ReindexProgress progress, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        if (!await FinishAsync(work, progress.Run.Id, ReindexStatus.Completed, reason: null))
        {
            return;
        }

        var removed = await feed.RemoveUnseenAsync(work, progress.Run.Id, progress.Run.ExpectedServices, progress.Run.StartedAt);
        await work.ExecuteAsync(PromoteAfterSql, new { progress.Run.Id });
        await work.CommitAsync();
        LogCompleted(logger, progress.Run.Id, progress.ToStatus().Done, removed);
    }

    private async Task<bool> FinishAsync(UnitOfWork work, Guid reindexId, string state, string? reason) =>
        await work.ExecuteAsync(FinishSql, new { Id = reindexId, State = state, Reason = reason, Now = time.UtcNowForDatabase() }) == 1;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {ReindexId} started")]
    private static partial void LogStarted(ILogger logger, Guid reindexId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {ReindexId} completed with {Documents} documents; the replays did not name {Removed} stored documents, which are removed; every instance now promotes its new index")]
    private static partial void LogCompleted(ILogger logger, Guid reindexId, int documents, int removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reindex {ReindexId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid reindexId, string reason);
}
