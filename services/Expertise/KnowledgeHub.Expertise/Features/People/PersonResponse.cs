namespace KnowledgeHub.Expertise.Features.People;

internal sealed record Availability(bool Mentoring, bool Consulting, int? HoursPerWeek);

internal sealed record PersonSkill(string Name, int Level, int Endorsements);

/// <param name="Active">False while the organisation's directory has the person deactivated (ADR 0068).</param>
internal sealed record PersonResponse(
    Guid Id,
    string Email,
    string DisplayName,
    string Department,
    string? Title,
    string? Location,
    string? Bio,
    string? Timezone,
    Availability Availability,
    IReadOnlyList<PersonSkill> Skills,
    DateTimeOffset UpdatedAt,
    long Version,
    bool Active);
