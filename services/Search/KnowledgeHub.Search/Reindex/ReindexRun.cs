namespace KnowledgeHub.Search.Reindex;

/// <summary>A rebuild as the Search database records it, shared by every instance (ADR 0080).</summary>
internal sealed class ReindexRun
{
    /// <summary>The latest rebuild: the running one if any, since at most one runs and it is the newest.</summary>
    public const string LatestSql = """
        SELECT reindex_id AS Id, state AS State, services AS Services, started_at AS StartedAt, finished_at AS FinishedAt,
               reason AS Reason, promote_after AS PromoteAfter, swapped_at AS SwappedAt
        FROM reindex_runs
        ORDER BY started_at DESC, reindex_id DESC
        LIMIT 1
        """;

    public Guid Id { get; set; }

    public string State { get; set; } = ReindexStatus.Running;

    public string Services { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Reason { get; set; }

    /// <summary>Set when the rebuild completed: the feed position a new generation must reach before it goes live.</summary>
    public long? PromoteAfter { get; set; }

    public DateTimeOffset? SwappedAt { get; set; }

    public IReadOnlyList<string> ExpectedServices => Services.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsRunning => State == ReindexStatus.Running;
}
