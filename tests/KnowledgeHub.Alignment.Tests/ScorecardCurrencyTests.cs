using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>Budgets add up only in currencies the service can convert (here EUR and USD); the others are named, not summed.</summary>
public abstract class ScorecardCurrencyTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task An_active_budget_in_a_currency_without_a_rate_is_left_out_of_the_sums_and_named_with_the_missing_setting()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        await lead.CreateProjectAsync(Project("In euros", planned: 100.5m));
        await lead.CreateProjectAsync(Project("In dollars", planned: 100m, currency: "USD"));
        var pounds = await lead.CreateProjectAsync(Project("In pounds", planned: 250m, currency: "GBP"));

        var mixed = await executive.GetJsonAsync("/api/alignment/scorecard?period=2026-H2");

        // 100.50 EUR + 100 USD × 0.9 = 190.50 EUR; the pounds have no rate and count in no sum.
        Assert.Equal((190.5m, "EUR"), (mixed["budget"]!["total"]!.GetValue<decimal>(), mixed["budget"]!["currency"]!.GetValue<string>()));
        var unconverted = Assert.Single(mixed["unconvertedProjects"]!.Items());
        Assert.Equal(
            (pounds.Id(), "In pounds", 250m, "GBP", "Alignment:Currencies:Rates:GBP"),
            (unconverted.Id(), unconverted["name"]!.GetValue<string>(), unconverted["planned"]!.GetValue<decimal>(),
             unconverted["currency"]!.GetValue<string>(), unconverted["missingSetting"]!.GetValue<string>()));
        Assert.DoesNotContain(mixed["projects"]!["unaligned"]!.Items(), project => project.Id() == pounds.Id());

        using var paused = await lead.PutAsJsonAsync($"/api/projects/{pounds.Id()}", Project("In pounds", planned: 250m, currency: "GBP", status: "on-hold"));
        await paused.EnsureStatusAsync(HttpStatusCode.OK);
        var scorecard = await executive.GetJsonAsync("/api/alignment/scorecard?period=2026-H2");
        Assert.Equal(190.5m, scorecard["budget"]!["total"]!.GetValue<decimal>());
        Assert.Empty(scorecard["unconvertedProjects"]!.Items());
    }
}

public sealed class Scorecard_currencies_on_Sqlite(SqliteAlignment fixture) : ScorecardCurrencyTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Scorecard_currencies_on_Postgres(PostgresAlignment fixture) : ScorecardCurrencyTests(fixture), IClassFixture<PostgresAlignment>;
