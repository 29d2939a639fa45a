using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>
/// A key result of an objective of the current planning period has had no check-in within
/// Alignment's check-in window since <paramref name="LastCheckInAt"/>: its owners (the key
/// result's and the objective's, person ids) owe one. Published once per key result and window;
/// <paramref name="DueSince"/> names the window.
/// </summary>
[MessageUrn("knowledgehub:alignment:key-result-check-in-due:v1")]
public sealed record KeyResultCheckInDue(
    Guid ObjectiveId,
    Guid KeyResultId,
    string ObjectiveTitle,
    string KeyResultTitle,
    IReadOnlyList<Guid> Owners,
    DateTimeOffset LastCheckInAt,
    DateTimeOffset DueSince);
