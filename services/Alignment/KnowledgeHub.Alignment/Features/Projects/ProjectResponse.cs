namespace KnowledgeHub.Alignment.Features.Projects;

internal sealed record Budget(decimal Planned, decimal Actual, string Currency);

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
    Guid LeadId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
