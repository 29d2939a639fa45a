using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>Budgets add up only in currencies the service can convert (here EUR and USD).</summary>
public abstract class ScorecardCurrencyTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task An_active_budget_in_a_currency_without_a_rate_is_refused_clearly_until_it_leaves_the_portfolio()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        await lead.CreateProjectAsync(Project("In euros", planned: 100.5m));
        await lead.CreateProjectAsync(Project("In dollars", planned: 100m, currency: "USD"));
        var pounds = await lead.CreateProjectAsync(Project("In pounds", planned: 100m, currency: "GBP"));

        using var mixed = await executive.GetAsync("/api/alignment/scorecard?period=2026-H2");

        await mixed.EnsureStatusAsync(HttpStatusCode.Conflict);
        var problem = await mixed.ReadJsonAsync();
        Assert.Equal(["GBP"], problem["currencies"]!.AsArray().Select(currency => currency!.GetValue<string>()));
        Assert.Contains("Alignment:Currencies:Rates", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var paused = await lead.PutAsJsonAsync($"/api/projects/{pounds.Id()}", Project("In pounds", planned: 100m, currency: "GBP", status: "on-hold"));
        await paused.EnsureStatusAsync(HttpStatusCode.OK);
        var scorecard = await executive.GetJsonAsync("/api/alignment/scorecard?period=2026-H2");
        // 100.50 EUR + 100 USD × 0.9 = 190.50 EUR.
        Assert.Equal((190.5m, "EUR"), (scorecard["budget"]!["total"]!.GetValue<decimal>(), scorecard["budget"]!["currency"]!.GetValue<string>()));
    }
}

public sealed class Scorecard_currencies_on_Sqlite(SqliteAlignment fixture) : ScorecardCurrencyTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Scorecard_currencies_on_Postgres(PostgresAlignment fixture) : ScorecardCurrencyTests(fixture), IClassFixture<PostgresAlignment>;
