namespace KnowledgeHub.Alignment.Features.Scorecard;

/// <summary>Turns the aggregated rows into the scorecard: converts amounts, computes shares and orders every list.</summary>
internal static class ScorecardBuilder
{
    /// <param name="periods">The period asked for, then those containing it.</param>
    /// <param name="unconverted">Active projects in currencies without a rate: listed, and left out of every sum.</param>
    public static ScorecardResponse Build(IReadOnlyList<string> periods, ScorecardQuery figures, CurrencyRates rates, IReadOnlyList<ScorecardQuery.UnconvertedRow> unconverted)
    {
        var total = Sum(figures.ActiveByCurrency, rates, alignedOnly: false);
        var aligned = Sum(figures.ActiveByCurrency, rates, alignedOnly: true);
        var weighted = figures.ActiveByCurrency.Where(row => rates.CanConvert(row.Currency)).Sum(row => rates.ToBase(row.Weighted, row.Currency));
        var unaligned = figures.Unaligned
            .Where(row => rates.CanConvert(row.Currency))
            .Select(row => new UnalignedProject(row.Id, row.Name, Money(rates.ToBase(row.Planned, row.Currency)), row.SponsorDepartment))
            .OrderByDescending(project => project.Planned)
            .ThenBy(project => project.Name, StringComparer.Ordinal)
            .ThenBy(project => project.Id)
            .ToList();
        var unsupported = figures.Unsupported
            .OrderBy(row => row.Priority)
            .ThenBy(row => row.Title, StringComparer.Ordinal)
            .ThenBy(row => row.Id)
            .Select(row => new UnsupportedObjective(row.Id, row.Title, row.Department, row.Priority, row.Period, OwnersOf(row)))
            .ToList();
        var byPeriod = periods
            .Select(label => new PeriodObjectives(label, (int)figures.ObjectivesByPeriod.Where(row => row.Period == label).Sum(row => row.Objectives)))
            .ToList();

        return new ScorecardResponse(
            periods[0],
            new BudgetFigures(Money(total), Money(aligned), Share(aligned, total), rates.Base, Money(weighted), Share(weighted, total)),
            new ProjectFigures(
                (int)figures.ActiveByCurrency.Sum(row => row.Projects),
                (int)figures.ActiveByCurrency.Where(row => row.Aligned == 1).Sum(row => row.Projects),
                unaligned),
            new ObjectiveFigures((int)figures.ObjectivesByPeriod.Sum(row => row.Objectives), unsupported, byPeriod),
            new HealthFigures(
                (int)figures.ActiveByCurrency.Sum(row => row.Green),
                (int)figures.ActiveByCurrency.Sum(row => row.Amber),
                (int)figures.ActiveByCurrency.Sum(row => row.Red),
                (int)figures.ActiveByCurrency.Sum(row => row.Stale)),
            Departments(figures, rates),
            Partnerships(figures),
            periods,
            unconverted.Select(row => new UnconvertedProject(row.Id, row.Name, Money(row.Planned), row.Currency, CurrencyRates.RateSetting(row.Currency))).ToList());
    }

    /// <summary>Every department with an objective of the period or an active project, by code.</summary>
    private static List<DepartmentFigures> Departments(ScorecardQuery figures, CurrencyRates rates)
    {
        var objectives = figures.ObjectivesByDepartment.ToDictionary(row => row.Department, row => (int)row.Objectives, StringComparer.Ordinal);
        var budgets = figures.DepartmentBudgets.ToLookup(row => row.Department, StringComparer.Ordinal);
        return objectives.Keys.Union(budgets.Select(group => group.Key))
            .Order(StringComparer.Ordinal)
            .Select(code => new DepartmentFigures(
                code,
                objectives.GetValueOrDefault(code),
                (int)budgets[code].Sum(row => row.Projects),
                Share(Sum(budgets[code], rates, alignedOnly: true), Sum(budgets[code], rates, alignedOnly: false))))
            .ToList();
    }

    /// <summary>
    /// Most shared first. Rows name a pair in either order (sponsor first, or the database
    /// collation's order), so pairs are put in ordinal order and their counts added.
    /// </summary>
    private static List<Partnership> Partnerships(ScorecardQuery figures) =>
        figures.Partnerships
            .GroupBy(row => string.CompareOrdinal(row.A, row.B) < 0 ? (row.A, row.B) : (A: row.B, B: row.A))
            .Select(pair => new Partnership(pair.Key.A, pair.Key.B, (int)pair.Sum(row => row.SharedProjects)))
            .OrderByDescending(pair => pair.SharedProjects)
            .ThenBy(pair => pair.A, StringComparer.Ordinal)
            .ThenBy(pair => pair.B, StringComparer.Ordinal)
            .ToList();

    private static decimal Sum(IEnumerable<ScorecardQuery.BudgetRow> rows, CurrencyRates rates, bool alignedOnly) =>
        rows.Where(row => rates.CanConvert(row.Currency) && (!alignedOnly || row.Aligned == 1)).Sum(row => rates.ToBase(row.Planned, row.Currency));

    private static decimal Money(decimal amount) => decimal.Round(amount, 2);

    /// <summary>The objective's own department first, then its co-owners by code.</summary>
    private static IReadOnlyList<string> OwnersOf(ScorecardQuery.UnsupportedRow row) =>
        [row.Department, .. (row.OwnerDepartments ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Where(code => code != row.Department).Order(StringComparer.Ordinal)];

    /// <summary>Zero when there is nothing to share: no active budget means nothing is aligned either.</summary>
    private static decimal Share(decimal part, decimal whole) => whole == 0 ? 0 : decimal.Round(part / whole, 4);
}
