using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>
/// A business objective was created or edited. <paramref name="Period"/> looks like 2026, 2026-H2 or 2026-Q4.
/// <paramref name="Owners"/> (person ids) and <paramref name="OwnerDepartments"/> (its department first) own
/// it jointly; both were added later, so older messages lack them.
/// </summary>
/// <param name="ReplayOf">Set only when the message is part of a service's replay for Search's rebuild: the
/// <see cref="Search.ReindexRequested.ReindexId"/> it answers. Search counts such messages toward the replay's
/// announced total; live changes leave it unset (ADR 0046).</param>
[MessageUrn("knowledgehub:alignment:objective-changed:v1")]
public sealed record ObjectiveChanged(
    Guid ObjectiveId,
    string Title,
    string Description,
    string Department,
    string Period,
    int Priority,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<Guid>? Owners = null,
    IReadOnlyList<string>? OwnerDepartments = null,
    Guid? ReplayOf = null);
