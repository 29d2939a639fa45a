namespace KnowledgeHub.Web.Api;

/// <summary>An import the Communities service accepted and runs in the background.</summary>
public sealed record ImportStarted(Guid Id, string Status);

public sealed record RejectedRow(int Row, string Reason);

/// <summary>How far an import of a Q&amp;A history has got.</summary>
public sealed record ImportProgress(
    Guid Id, Guid CommunityId, string Status, int Questions, int Answers, int AcceptedAnswers, int People,
    IReadOnlyList<RejectedRow> Rejected, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public bool Running => Status == "running";
}

/// <summary>The latest rebuild of the search index: documents done of the total the services announced.</summary>
public sealed record ReindexProgress(string State, int Done, int Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Reason)
{
    public bool Running => State == "running";
}
