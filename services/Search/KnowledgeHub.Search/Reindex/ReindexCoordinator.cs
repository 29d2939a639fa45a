using KnowledgeHub.Search.Index;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Reindex;

/// <summary>
/// Runs one rebuild at a time: a new, empty index is filled beside the live one from the stored
/// documents and the feed, while the services replay their state into the stored documents; it is
/// promoted once every service has announced its total and delivered it, and the new index has
/// caught up with the feed.
/// Progress counts, per service, the distinct documents whose message names this rebuild in its
/// ReplayOf (ADR 0046): a replayed event that arrives twice counts once, and a live change never
/// counts, however close to the replay it was written. Counting by change time instead let a live
/// write that committed after a service's snapshot stand in for a replayed document still on its
/// way, which was then removed as "unseen". A rebuild that stops progressing fails and leaves the
/// live index as it was.
/// </summary>
internal sealed partial class ReindexCoordinator(
    IndexGenerations generations,
    ReindexSettings settings,
    TimeProvider time,
    ILogger<ReindexCoordinator> logger)
{
    private readonly Lock _lock = new();
    private Run? _run;

    public ReindexStatus Status()
    {
        lock (_lock)
        {
            return _run?.ToStatus() ?? ReindexStatus.Never;
        }
    }

    /// <summary>Starts a rebuild unless one runs; returns its status and whether it is new.</summary>
    public async Task<(ReindexStatus Status, bool Started)> StartAsync(CancellationToken cancellationToken)
    {
        Run run;
        lock (_lock)
        {
            if (_run is { State: ReindexStatus.Running })
            {
                return (_run.ToStatus(), false);
            }

            _run = run = new Run(Guid.CreateVersion7(), time.GetUtcNow(), settings.Services);
        }

        try
        {
            await generations.BeginNextAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            Fail(run, $"The new index could not be created: {exception.Message}");
            throw;
        }

        LogStarted(logger, run.Id, generations.NextName);
        return (Status(), true);
    }

    /// <summary>A service said how many documents its replay for <paramref name="reindexId"/> holds.</summary>
    public void Announced(Guid reindexId, string service, int total)
    {
        lock (_lock)
        {
            if (_run is { State: ReindexStatus.Running } run && run.Id == reindexId)
            {
                run.Announce(service, total, time.GetUtcNow());
            }
        }
    }

    /// <summary>A document of <paramref name="service"/> replayed for <paramref name="reindexId"/> was stored (called once its transaction committed).</summary>
    public void Received(Guid reindexId, string service, string key)
    {
        lock (_lock)
        {
            if (_run is { State: ReindexStatus.Running } run && run.Id == reindexId)
            {
                run.Receive(service, key, time.GetUtcNow());
            }
        }
    }

    /// <summary>
    /// The rebuild whose every expected service has announced and delivered its total, or null.
    /// Read before the follower reads the feed's head: what was counted had committed, so the next
    /// index holds it once caught up.
    /// </summary>
    public CompleteRebuild? ReadyToPromote()
    {
        lock (_lock)
        {
            return _run is { State: ReindexStatus.Running, Promoting: false, IsComplete: true } run
                ? new CompleteRebuild(run.StartedAt, settings.Services)
                : null;
        }
    }

    /// <summary>Fails a rebuild that has made no progress for the stall timeout.</summary>
    public void FailIfStalled()
    {
        Run? run;
        lock (_lock)
        {
            run = _run is { State: ReindexStatus.Running, Promoting: false } current
                && time.GetUtcNow() - current.LastProgressAt > settings.StallTimeout
                ? current
                : null;
        }

        if (run is not null)
        {
            Fail(run, $"No progress for {settings.StallTimeout.TotalSeconds:0} s; still waiting for: {string.Join(", ", run.Missing())}.");
        }
    }

    public void Fail(Guid reindexId, string reason)
    {
        Run? run;
        lock (_lock)
        {
            run = _run?.Id == reindexId ? _run : null;
        }

        if (run is not null)
        {
            Fail(run, reason);
        }
    }

    private void Fail(Run run, string reason)
    {
        lock (_lock)
        {
            if (run.State != ReindexStatus.Running)
            {
                return;
            }

            run.Finish(ReindexStatus.Failed, time.GetUtcNow(), reason);
        }

        generations.AbandonNext();
        LogFailed(logger, run.Id, reason);
    }

    /// <summary>
    /// Promotes the next index of a complete rebuild; the follower calls it once that index has
    /// caught up with the feed as of <see cref="ReadyToPromote"/>.
    /// </summary>
    public async Task PromoteAsync(CancellationToken cancellationToken)
    {
        Run run;
        lock (_lock)
        {
            if (_run is not { State: ReindexStatus.Running, Promoting: false, IsComplete: true } complete)
            {
                return;
            }

            run = complete;
            run.Promoting = true;
        }

        try
        {
            await generations.PromoteNextAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            run.Promoting = false;
            Fail(run, $"The new index could not be promoted: {exception.Message}");
            throw;
        }

        lock (_lock)
        {
            run.Finish(ReindexStatus.Completed, time.GetUtcNow(), reason: null);
        }

        LogCompleted(logger, run.Id, run.ToStatus().Done);
    }

    /// <summary>A rebuild ready to go live once its index caught up: documents of <paramref name="Services"/> not named since <paramref name="StartedAt"/> are gone.</summary>
    public sealed record CompleteRebuild(DateTimeOffset StartedAt, IReadOnlyList<string> Services);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {ReindexId} started, filling {Index}")]
    private static partial void LogStarted(ILogger logger, Guid reindexId, string? index);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex {ReindexId} completed with {Documents} documents; the new index is live")]
    private static partial void LogCompleted(ILogger logger, Guid reindexId, int documents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reindex {ReindexId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid reindexId, string reason);

    /// <summary>One rebuild's state; guarded by the coordinator's lock.</summary>
    private sealed class Run(Guid id, DateTimeOffset startedAt, IReadOnlyList<string> expected)
    {
        private readonly Dictionary<string, Replay> _replays = expected.ToDictionary(service => service, _ => new Replay(), StringComparer.Ordinal);

        public Guid Id { get; } = id;

        public string State { get; private set; } = ReindexStatus.Running;

        public bool Promoting { get; set; }

        public DateTimeOffset StartedAt { get; } = startedAt;

        public DateTimeOffset LastProgressAt { get; private set; } = startedAt;

        private DateTimeOffset? FinishedAt { get; set; }

        private string? Reason { get; set; }

        /// <summary>Every expected service announced, and every announced total arrived.</summary>
        public bool IsComplete => _replays.Values.All(replay => replay.Total is { } total && replay.Delivered >= total);

        public void Announce(string service, int total, DateTimeOffset now)
        {
            ReplayOf(service).Total = total;
            LastProgressAt = now;
        }

        /// <summary>Notes a replayed document of a service this rebuild waits for; a first sighting is progress.</summary>
        public void Receive(string service, string key, DateTimeOffset now)
        {
            if (_replays.TryGetValue(service, out var replay) && replay.Note(key))
            {
                LastProgressAt = now;
            }
        }

        public IEnumerable<string> Missing() =>
            _replays
                .Where(pair => pair.Value.Total is not { } total || pair.Value.Delivered < total)
                .Select(pair => pair.Value.Total is { } total ? $"{pair.Key} ({pair.Value.Delivered} of {total})" : $"{pair.Key} (no answer)");

        public void Finish(string state, DateTimeOffset now, string? reason)
        {
            State = state;
            FinishedAt = now;
            Reason = reason;
            Promoting = false;
        }

        public ReindexStatus ToStatus()
        {
            var services = _replays
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new ServiceReplay(
                    pair.Key,
                    pair.Value.Total is not null,
                    pair.Value.Total ?? 0,
                    Math.Min(pair.Value.Delivered, pair.Value.Total ?? int.MaxValue)))
                .ToList();
            return new ReindexStatus(State, services.Sum(service => service.Done), services.Sum(service => service.Total), Id, StartedAt, FinishedAt, Reason, services);
        }

        private Replay ReplayOf(string service)
        {
            if (!_replays.TryGetValue(service, out var replay))
            {
                _replays[service] = replay = new Replay();
            }

            return replay;
        }
    }

    private sealed class Replay
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        public int? Total { get; set; }

        /// <summary>Distinct documents replayed so far, before or after the service's announcement.</summary>
        public int Delivered => _keys.Count;

        /// <summary>True when this document had not been replayed before.</summary>
        public bool Note(string key) => _keys.Add(key);
    }
}
