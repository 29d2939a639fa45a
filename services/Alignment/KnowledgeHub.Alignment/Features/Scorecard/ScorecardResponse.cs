namespace KnowledgeHub.Alignment.Features.Scorecard;

/// <summary>
/// Amounts are planned budgets converted to <see cref="Currency"/>; shares run from 0 to 1. Projects in a
/// currency without a rate are left out (see <see cref="ScorecardResponse.UnconvertedProjects"/>).
/// <see cref="WeightedAligned"/> counts each aligned project by its strongest contribution (ADR 0040).
/// </summary>
internal sealed record BudgetFigures(decimal Total, decimal Aligned, decimal AlignedShare, string Currency, decimal WeightedAligned, decimal WeightedAlignedShare);

internal sealed record UnalignedProject(Guid Id, string Name, decimal Planned, string SponsorDepartment);

internal sealed record ProjectFigures(int Active, int Aligned, IReadOnlyList<UnalignedProject> Unaligned);

/// <summary>
/// An objective no active project serves, labelled with its own period (the one asked for or one
/// containing it) and the departments that own it jointly (its own first).
/// </summary>
internal sealed record UnsupportedObjective(Guid Id, string Title, string Department, int Priority, string Period, IReadOnlyList<string> OwnerDepartments);

internal sealed record PeriodObjectives(string Period, int Objectives);

internal sealed record ObjectiveFigures(int Total, IReadOnlyList<UnsupportedObjective> Unsupported, IReadOnlyList<PeriodObjectives> ByPeriod);

/// <summary>An active project whose budget the scorecard cannot add up, and the setting that would let it.</summary>
internal sealed record UnconvertedProject(Guid Id, string Name, decimal Planned, string Currency, string MissingSetting);

/// <summary>Active projects by their latest report's health; <see cref="Stale"/> counts those without a report in 30 days.</summary>
internal sealed record HealthFigures(int Green, int Amber, int Red, int Stale);

/// <summary><see cref="Objectives"/> counts the objectives the department owns, alone or jointly.</summary>
internal sealed record DepartmentFigures(string Code, int Objectives, int Projects, decimal AlignedShare);

/// <summary>Two departments (<see cref="A"/> before <see cref="B"/> in ordinal order) and the active projects they share.</summary>
internal sealed record Partnership(string A, string B, int SharedProjects);

internal sealed record ScorecardResponse(
    string Period,
    BudgetFigures Budget,
    ProjectFigures Projects,
    ObjectiveFigures Objectives,
    HealthFigures Health,
    IReadOnlyList<DepartmentFigures> Departments,
    IReadOnlyList<Partnership> Partnerships,
    IReadOnlyList<string> Periods,
    IReadOnlyList<UnconvertedProject> UnconvertedProjects);
