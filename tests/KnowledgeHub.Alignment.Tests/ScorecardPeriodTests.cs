using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>Periods nest (ADR 0042): a quarter's scorecard holds the objectives of its half year and its year too.</summary>
public abstract class ScorecardPeriodTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_quarter_shows_the_objectives_of_its_half_year_and_year_each_labelled_with_its_period()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var quarter = await executive.CreateObjectiveAsync(Objective("Quarter goal", period: "2026-Q4"));
        var half = await executive.CreateObjectiveAsync(Objective("Half goal", period: "2026-H2"));
        var year = await executive.CreateObjectiveAsync(Objective("Year goal", period: "2026"));
        await executive.CreateObjectiveAsync(Objective("Other half", period: "2026-H1"));
        await executive.CreateObjectiveAsync(Objective("Next year", period: "2027"));
        var project = await lead.CreateProjectAsync(Project("Serves the year"));
        await lead.AlignAsync(project.Id(), year.Id());

        var scorecard = await executive.GetJsonAsync("/api/alignment/scorecard?period=2026-q4");

        Assert.Equal("2026-Q4", scorecard["period"]!.GetValue<string>());
        Assert.Equal(["2026-Q4", "2026-H2", "2026"], scorecard["periods"]!.Items().Select(label => label.GetValue<string>()));
        Assert.Equal(3, scorecard["objectives"]!["total"]!.GetValue<int>());
        Assert.Equal(
            [("2026-Q4", 1), ("2026-H2", 1), ("2026", 1)],
            scorecard["objectives"]!["byPeriod"]!.Items().Select(row => (row["period"]!.GetValue<string>(), row["objectives"]!.GetValue<int>())));
        Assert.Equal(
            [(half.Id(), "2026-H2"), (quarter.Id(), "2026-Q4")],
            scorecard["objectives"]!["unsupported"]!.Items().Select(row => (row.Id(), row["period"]!.GetValue<string>())));
        Assert.Equal((1, 1), (scorecard["projects"]!["active"]!.GetValue<int>(), scorecard["projects"]!["aligned"]!.GetValue<int>()));
        var projects = await executive.GetJsonAsync("/api/projects?period=2026-Q4");
        Assert.Equal([project.Id()], projects.Ids());
    }
}

/// <summary>How much an aligned project's budget weighs by its contribution (ADR 0040), beside the plain figure.</summary>
public abstract class ScorecardContributionTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task Aligned_budget_is_also_shown_weighted_by_each_projects_strongest_contribution()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var first = await executive.CreateObjectiveAsync(Objective("First"));
        var second = await executive.CreateObjectiveAsync(Objective("Second"));
        var strong = await lead.CreateProjectAsync(Project("Strong", planned: 100_000m));
        var medium = await lead.CreateProjectAsync(Project("Medium", planned: 100_000m));
        var weak = await lead.CreateProjectAsync(Project("Weak", planned: 100_000m));
        await lead.CreateProjectAsync(Project("Unaligned", planned: 100_000m));
        await lead.AlignAsync(strong.Id(), first.Id(), "high");
        await lead.AlignAsync(strong.Id(), second.Id(), "low");
        await lead.AlignAsync(medium.Id(), first.Id(), "medium");
        await lead.AlignAsync(weak.Id(), second.Id(), "low");

        var budget = (await executive.GetJsonAsync("/api/alignment/scorecard?period=2026-H2"))["budget"]!;

        // Plain: 300,000 of 400,000. Weighted: 100,000 × 1 (its strongest link) + 100,000 × 0.5 + 100,000 × 0.25 = 175,000 → 0.4375.
        Assert.Equal((400_000m, 300_000m, 0.75m), (budget["total"]!.GetValue<decimal>(), budget["aligned"]!.GetValue<decimal>(), budget["alignedShare"]!.GetValue<decimal>()));
        Assert.Equal((175_000m, 0.4375m), (budget["weightedAligned"]!.GetValue<decimal>(), budget["weightedAlignedShare"]!.GetValue<decimal>()));
    }
}

public sealed class Scorecard_periods_on_Sqlite(SqliteAlignment fixture) : ScorecardPeriodTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Scorecard_periods_on_Postgres(PostgresAlignment fixture) : ScorecardPeriodTests(fixture), IClassFixture<PostgresAlignment>;

public sealed class Scorecard_contributions_on_Sqlite(SqliteAlignment fixture) : ScorecardContributionTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Scorecard_contributions_on_Postgres(PostgresAlignment fixture) : ScorecardContributionTests(fixture), IClassFixture<PostgresAlignment>;
