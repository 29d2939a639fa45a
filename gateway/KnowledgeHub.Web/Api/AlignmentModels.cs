namespace KnowledgeHub.Web.Api;

internal sealed record Budget(decimal Planned, decimal Actual, string Currency);

internal sealed record ProjectAlignment(Guid ObjectiveId, string Title, string Department, string Period, string Contribution, string Rationale);

internal sealed record Project(
    Guid Id, string Name, string Description, string SponsorDepartment, IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<string> Tags, Budget Budget, DateOnly StartDate, DateOnly EndDate, string Status, string? Health,
    DateTimeOffset? LastReportedAt, IReadOnlyList<ProjectAlignment>? Alignments);

internal sealed record StatusReport(Guid Id, string Health, string Summary, string? Risks, string? Decisions, DateTimeOffset ReportedAt);

internal sealed record KeyResult(Guid Id, string Title, decimal Baseline, decimal Target, decimal Current, string Unit, decimal Progress);

internal sealed record ObjectiveProject(Guid Id, string Name, string Status, string SponsorDepartment, string Contribution, string Rationale);

internal sealed record Objective(
    Guid Id, string Title, string Description, string Department, string Period, int Priority, decimal? Progress,
    IReadOnlyList<KeyResult> KeyResults, IReadOnlyList<ObjectiveProject>? Projects);

internal sealed record BudgetFigures(decimal Total, decimal Aligned, decimal AlignedShare, string? Currency);

internal sealed record UnalignedProject(Guid Id, string Name, decimal Planned, string? SponsorDepartment);

internal sealed record ProjectFigures(int Active, int Aligned, IReadOnlyList<UnalignedProject> Unaligned);

internal sealed record UnsupportedObjective(Guid Id, string Title, string? Department, int? Priority);

internal sealed record ObjectiveFigures(int Total, IReadOnlyList<UnsupportedObjective> Unsupported);

internal sealed record HealthFigures(int Green, int Amber, int Red, int Stale);

internal sealed record DepartmentFigures(string Code, int Objectives, int Projects, decimal AlignedShare);

internal sealed record Partnership(string A, string B, int SharedProjects);

internal sealed record Scorecard(
    string Period, BudgetFigures Budget, ProjectFigures Projects, ObjectiveFigures Objectives, HealthFigures Health,
    IReadOnlyList<DepartmentFigures> Departments, IReadOnlyList<Partnership> Partnerships);
