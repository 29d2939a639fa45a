namespace KnowledgeHub.Web.Api;

public sealed record Budget(decimal Planned, decimal Actual, string Currency);

public sealed record ProjectAlignment(Guid ObjectiveId, string Title, string Department, string Period, string Contribution, string Rationale);

public sealed record Project(
    Guid Id, string Name, string Description, string SponsorDepartment, IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<string> Tags, Budget Budget, DateOnly StartDate, DateOnly EndDate, string Status, string? Health,
    DateTimeOffset? LastReportedAt, IReadOnlyList<ProjectAlignment>? Alignments, IReadOnlyList<ProjectMember>? Members = null,
    bool Pilot = false, string? LessonsLearned = null, Guid LeadId = default, long Version = 0);

public sealed record ProjectMember(Guid PersonId, string Role, DateTimeOffset? ConfirmedAt);

public sealed record StatusReport(Guid Id, string Health, string Summary, string? Risks, string? Decisions, DateTimeOffset ReportedAt);

public sealed record CheckIn(decimal Value, Guid CheckedInBy, DateTimeOffset CheckedInAt);

public sealed record KeyResult(
    Guid Id, string Title, decimal Baseline, decimal Target, decimal Current, string Unit, decimal Progress, IReadOnlyList<CheckIn>? History = null, IReadOnlyList<Guid>? Owners = null);

public sealed record ObjectiveProject(Guid Id, string Name, string Status, string SponsorDepartment, string Contribution, string Rationale);

public sealed record Objective(
    Guid Id, string Title, string Description, string Department, string Period, int Priority, decimal? Progress,
    IReadOnlyList<KeyResult> KeyResults, IReadOnlyList<ObjectiveProject>? Projects, IReadOnlyList<string>? OwnerDepartments = null, long Version = 0, IReadOnlyList<Guid>? Owners = null);

/// <summary>One line of a project's or objective's change log: what changed, from what to what, by whom and when.</summary>
public sealed record Change(Guid Id, string Field, string? Before, string? After, Guid ChangedBy, DateTimeOffset ChangedAt);

public sealed record BudgetFigures(decimal Total, decimal Aligned, decimal AlignedShare, string? Currency, decimal WeightedAligned = 0, decimal WeightedAlignedShare = 0);

public sealed record UnalignedProject(Guid Id, string Name, decimal Planned, string? SponsorDepartment);

public sealed record ProjectFigures(int Active, int Aligned, IReadOnlyList<UnalignedProject> Unaligned);

public sealed record UnsupportedObjective(Guid Id, string Title, string? Department, int? Priority, string? Period = null);

public sealed record ObjectiveFigures(int Total, IReadOnlyList<UnsupportedObjective> Unsupported);

public sealed record HealthFigures(int Green, int Amber, int Red, int Stale);

public sealed record DepartmentFigures(string Code, int Objectives, int Projects, decimal AlignedShare);

public sealed record Partnership(string A, string B, int SharedProjects);

public sealed record ScorecardFigures(
    string Period, BudgetFigures Budget, ProjectFigures Projects, ObjectiveFigures Objectives, HealthFigures Health,
    IReadOnlyList<DepartmentFigures> Departments, IReadOnlyList<Partnership> Partnerships,
    IReadOnlyList<string>? Periods = null, IReadOnlyList<UnconvertedProject>? UnconvertedProjects = null);

/// <summary>An active project the scorecard leaves out of its sums: its currency has no rate (<see cref="MissingSetting"/>).</summary>
public sealed record UnconvertedProject(Guid Id, string Name, decimal Planned, string Currency, string MissingSetting);
