using MassTransit;

namespace KnowledgeHub.Contracts.Alignment;

/// <summary>
/// An IT project was created or edited; the full current state. <paramref name="LessonsLearned"/>
/// (added later, so absent from older messages) is what a pilot taught, written when it closed.
/// <paramref name="ObjectiveIds"/> (added later) are the objectives the project serves; null when the
/// message does not say (older messages, and lists that do not read the links), empty when it serves none.
/// </summary>
/// <param name="ReplayOf">Set only when the message is part of a service's replay for Search's rebuild: the
/// <see cref="Search.ReindexRequested.ReindexId"/> it answers. Search counts such messages toward the replay's
/// announced total; live changes leave it unset (ADR 0046).</param>
[MessageUrn("knowledgehub:alignment:project-changed:v1")]
public sealed record ProjectChanged(
    Guid ProjectId,
    string Name,
    string Description,
    string SponsorDepartment,
    IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<string> Tags,
    string Status,
    Guid LeadId,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? LessonsLearned = null,
    IReadOnlyList<Guid>? ObjectiveIds = null,
    Guid? ReplayOf = null);
