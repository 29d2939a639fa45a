using System.Text.Json.Serialization;

namespace KnowledgeHub.Alignment.Features.Projects;

internal sealed record Budget(decimal Planned, decimal Actual, string Currency);

/// <summary>A project member; <paramref name="ConfirmedAt"/> is null while a membership someone else made awaits the person's consent.</summary>
internal sealed record MemberResponse(Guid PersonId, string Role, DateTimeOffset AssignedAt, DateTimeOffset? ConfirmedAt);

/// <summary>An objective the project serves, as the project shows it.</summary>
internal sealed record ProjectAlignmentResponse(
    Guid ObjectiveId,
    string Title,
    string Department,
    string Period,
    string Contribution,
    string Rationale,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A project. <see cref="Health"/> and <see cref="LastReportedAt"/> come from its latest status
/// report; <see cref="Members"/> and <see cref="Alignments"/> are filled when one project is read
/// and left out of lists.
/// </summary>
internal sealed record ProjectResponse(
    Guid Id,
    string Name,
    string Description,
    string SponsorDepartment,
    IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<string> Tags,
    Budget Budget,
    DateOnly StartDate,
    DateOnly EndDate,
    string Status,
    bool Pilot,
    string? LessonsLearned,
    Guid LeadId,
    string? Health,
    DateTimeOffset? LastReportedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MemberResponse>? Members { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProjectAlignmentResponse>? Alignments { get; init; }
}
