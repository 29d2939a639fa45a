namespace KnowledgeHub.Search.Reindex;

/// <summary>
/// A rebuild's progress: <see cref="Done"/> documents received for the new index of the
/// <see cref="Total"/> the services announced. <see cref="State"/> is idle, running, completed or failed.
/// </summary>
internal sealed record ReindexStatus(
    string State,
    int Done,
    int Total,
    Guid? ReindexId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Reason,
    IReadOnlyList<ServiceReplay> Services)
{
    public const string Idle = "idle";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static readonly ReindexStatus Never = new(Idle, 0, 0, null, null, null, null, []);
}

/// <summary>One service's replay: whether it announced its total yet, and how much of it arrived.</summary>
internal sealed record ServiceReplay(string Service, bool Announced, int Total, int Done);
