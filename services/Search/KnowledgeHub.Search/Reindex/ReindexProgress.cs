using KnowledgeHub.Data;

namespace KnowledgeHub.Search.Reindex;

/// <summary>
/// A rebuild's progress as any instance reads it from the database: per service its announced total
/// and the distinct documents replayed for it (ADR 0046), and when anything last arrived.
/// </summary>
internal sealed class ReindexProgress
{
    private const string ServicesSql = """
        SELECT service AS Service, total AS Total, 0 AS Done, announced_at AS LastAt FROM reindex_announcements WHERE reindex_id = @Id;
        SELECT service AS Service, NULL AS Total, COUNT(*) AS Done, MAX(received_at) AS LastAt FROM reindex_receipts WHERE reindex_id = @Id GROUP BY service;
        """;

    private readonly Dictionary<string, Replay> _replays;

    private ReindexProgress(ReindexRun run, Dictionary<string, Replay> replays, DateTimeOffset lastProgressAt)
    {
        Run = run;
        _replays = replays;
        LastProgressAt = lastProgressAt;
    }

    public ReindexRun Run { get; }

    /// <summary>When a service last announced or a replayed document first arrived; the start before that.</summary>
    public DateTimeOffset LastProgressAt { get; }

    /// <summary>Every expected service announced, and every announced total arrived.</summary>
    public bool IsComplete => _replays.Values.All(replay => replay.Total is { } total && replay.Done >= total);

    public static async Task<ReindexProgress?> ReadLatestAsync(DbSession session)
    {
        var run = await session.QueryOneAsync<ReindexRun>(ReindexRun.LatestSql);
        if (run is null)
        {
            return null;
        }

        // Services announced beyond the expected ones are waited for too; replays of others are not.
        var replays = run.ExpectedServices.ToDictionary(service => service, _ => new Replay(), StringComparer.Ordinal);
        var lastProgressAt = run.StartedAt;
        using var rows = await session.QueryMultipleAsync(ServicesSql, new { run.Id });
        foreach (var announcement in await rows.ReadAsync<Row>())
        {
            replays.TryAdd(announcement.Service, new Replay());
            replays[announcement.Service].Total = announcement.Total;
            lastProgressAt = Later(lastProgressAt, announcement.LastAt);
        }

        foreach (var receipts in await rows.ReadAsync<Row>())
        {
            if (replays.TryGetValue(receipts.Service, out var replay))
            {
                replay.Done = receipts.Done;
                lastProgressAt = Later(lastProgressAt, receipts.LastAt);
            }
        }

        return new ReindexProgress(run, replays, lastProgressAt);
    }

    public IEnumerable<string> Missing() =>
        _replays
            .Where(pair => pair.Value.Total is not { } total || pair.Value.Done < total)
            .Select(pair => pair.Value.Total is { } total ? $"{pair.Key} ({pair.Value.Done} of {total})" : $"{pair.Key} (no answer)");

    public ReindexStatus ToStatus()
    {
        var services = _replays
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new ServiceReplay(pair.Key, pair.Value.Total is not null, pair.Value.Total ?? 0, Math.Min(pair.Value.Done, pair.Value.Total ?? int.MaxValue)))
            .ToList();
        return new ReindexStatus(Run.State, services.Sum(service => service.Done), services.Sum(service => service.Total), Run.Id, Run.StartedAt, Run.FinishedAt, Run.Reason, services);
    }

    private static DateTimeOffset Later(DateTimeOffset first, DateTimeOffset? second) => second > first ? second.Value : first;

    private sealed class Replay
    {
        public int? Total { get; set; }

        public int Done { get; set; }
    }

    private sealed class Row
    {
        public string Service { get; set; } = "";

        public int? Total { get; set; }

        public int Done { get; set; }

        public DateTimeOffset? LastAt { get; set; }
    }
}
