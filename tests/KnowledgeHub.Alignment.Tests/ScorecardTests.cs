using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>
/// The scorecard of a seeded portfolio (22 projects, 10 objectives, 6 departments), every figure
/// worked out by hand below. US dollars convert at 0.9 (see <see cref="AlignmentFixture"/>).
/// </summary>
public abstract class ScorecardTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task The_scorecard_of_a_seeded_portfolio_matches_the_figures_worked_out_by_hand()
    {
        await fixture.KnowDepartmentsAsync("IT", "FIN", "HR", "OPS", "MKT", "SALES");
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));

        // Eight objectives of 2026-H2 and two of other periods (2026-Q4 is not 2026-H2: periods are compared as labels).
        var cloudFirst = await executive.CreateObjectiveAsync(Objective("Cloud first", "IT", "2026-H2", 1));
        var zeroTrust = await executive.CreateObjectiveAsync(Objective("Zero trust", "IT", "2026-H2", 2));
        var fasterClose = await executive.CreateObjectiveAsync(Objective("Faster close", "FIN", "2026-H2", 1));
        var cutVendorSpend = await executive.CreateObjectiveAsync(Objective("Cut vendor spend", "FIN", "2026-H2", 3));
        var hireFaster = await executive.CreateObjectiveAsync(Objective("Hire faster", "HR", "2026-H2", 2));
        var fewerOutages = await executive.CreateObjectiveAsync(Objective("Fewer outages", "OPS", "2026-H2", 1));
        var knowTheCustomer = await executive.CreateObjectiveAsync(Objective("Know the customer", "MKT", "2026-H2", 2));
        var growRenewals = await executive.CreateObjectiveAsync(Objective("Grow renewals", "SALES", "2026-H2", 3));
        var legacyExit = await executive.CreateObjectiveAsync(Objective("Legacy exit", "IT", "2026-H1", 1));
        var budget2027 = await executive.CreateObjectiveAsync(Objective("Budget 2027", "FIN", "2026-Q4", 2));

        // Fifteen active projects; planned budget in EUR, and whether they serve an objective of 2026-H2.
        var a1 = await Seed(lead, "Cloud migration", "IT", ["FIN"], 500_000m, [cloudFirst]);                       // 500,000  yes
        var a2 = await Seed(lead, "Identity platform", "IT", ["HR"], 300_000m, [zeroTrust]);                       // 300,000  yes
        var a3 = await Seed(lead, "Ledger automation", "FIN", ["IT"], 200_000m, [fasterClose]);                    // 200,000  yes
        var a4 = await Seed(lead, "Vendor portal", "FIN", ["OPS"], 100_000m, [fasterClose], currency: "USD");      // 100,000 USD × 0.9 = 90,000  yes
        var a5 = await Seed(lead, "Recruiting bot", "HR", ["IT"], 80_000m);                                         // 80,000   no
        var a6 = await Seed(lead, "Monitoring revamp", "OPS", ["IT"], 150_000m, [fewerOutages]);                   // 150,000  yes
        var a7 = await Seed(lead, "Customer 360", "MKT", ["SALES", "IT"], 250_000m, [knowTheCustomer, growRenewals]); // 250,000  yes
        var a8 = await Seed(lead, "Intranet redesign", "HR", [], 60_000m);                                         // 60,000   no
        var a9 = await Seed(lead, "Printer fleet", "OPS", [], 40_000m);                                            // 40,000   no
        var a10 = await Seed(lead, "Legacy exit", "IT", ["FIN"], 120_000m, [legacyExit]);                          // 120,000  no: 2026-H1 only
        var a11 = await Seed(lead, "Budget tool", "FIN", [], 70_000m, [budget2027]);                               // 70,000   no: 2026-Q4 only
        var a12 = await Seed(lead, "Sales dashboards", "SALES", ["MKT"], 90_000m, [growRenewals]);                 // 90,000   yes
        var a13 = await Seed(lead, "Office wifi", "OPS", ["HR"], 30_000m, currency: "USD");                        // 30,000 USD × 0.9 = 27,000   no
        var a14 = await Seed(lead, "Data lake", "IT", ["MKT", "SALES", "FIN"], 400_000m, [cloudFirst, knowTheCustomer]); // 400,000  yes
        var a15 = await Seed(lead, "Chatbot pilot", "MKT", [], 50_000m, [knowTheCustomer]);                        // 50,000   yes
        // Seven projects that are not active count nowhere, whatever they serve, share or cost (even in pounds, which have no rate).
        await Seed(lead, "Old CRM", "SALES", ["MKT"], 1_000_000m, [hireFaster], status: "proposed");
        var vendorAudit = await Seed(lead, "Vendor audit", "FIN", ["OPS"], 20_000m, [cutVendorSpend], status: "done");
        await Seed(lead, "HR portal v1", "HR", [], 10_000m, status: "cancelled");
        await Seed(lead, "Badge readers", "OPS", ["HR"], 35_000m, [fewerOutages], status: "on-hold");
        await Seed(lead, "Ad campaign tool", "MKT", ["SALES"], 75_000m, status: "proposed", currency: "GBP");
        await Seed(lead, "Mainframe", "IT", ["FIN"], 900_000m, status: "cancelled");
        await lead.CreateProjectAsync(Project("VR training pilot", "HR", planned: 15_000m, status: "done", pilot: true, lessonsLearned: "Headsets make people dizzy"));

        // Reports older than 30 days: the latest decides the health, and its age makes the project stale.
        fixture.Clock.Offset = -TimeSpan.FromDays(40);
        await lead.ReportAsync(a5, "green");
        await lead.ReportAsync(a10, "red");
        await lead.ReportAsync(a14, "amber");
        fixture.Clock.Offset = TimeSpan.Zero;
        foreach (var (project, health) in new[] { (a1, "green"), (a2, "amber"), (a3, "green"), (a4, "red"), (a7, "amber"), (a8, "green"), (a11, "amber"), (a12, "green"), (a13, "green"), (a14, "green"), (vendorAudit, "red") })
        {
            await lead.ReportAsync(project, health);
        }

        var scorecard = await executive.GetJsonAsync("/api/alignment/scorecard?period=2026-H2");

        Assert.Equal("2026-H2", scorecard["period"]!.GetValue<string>());
        // Budget of the 15 active projects: 500 + 300 + 200 + 90 + 80 + 150 + 250 + 60 + 40 + 120 + 70 + 90 + 27 + 400 + 50 = 2,427 thousand.
        // Aligned (serving a 2026-H2 objective): 500 + 300 + 200 + 90 + 150 + 250 + 90 + 400 + 50 = 2,030 thousand.
        // Share: 2,030 / 2,427 = 0.83642… → 0.8364.
        Assert.Equal((2_427_000m, 2_030_000m, 0.8364m, "EUR"), Budget(scorecard["budget"]!));
        // Active 15, aligned 9 (a1 a2 a3 a4 a6 a7 a12 a14 a15); the other 6 by planned budget, largest first.
        Assert.Equal((15, 9), (scorecard["projects"]!["active"]!.GetValue<int>(), scorecard["projects"]!["aligned"]!.GetValue<int>()));
        Assert.Equal(
            [(a10, "Legacy exit", 120_000m), (a5, "Recruiting bot", 80_000m), (a11, "Budget tool", 70_000m), (a8, "Intranet redesign", 60_000m), (a9, "Printer fleet", 40_000m), (a13, "Office wifi", 27_000m)],
            scorecard["projects"]!["unaligned"]!.Items().Select(project => (project.Id(), project["name"]!.GetValue<string>(), project["planned"]!.GetValue<decimal>())));
        // Eight objectives of 2026-H2. No active project serves "Hire faster" (only the proposed Old CRM) or "Cut vendor spend"
        // (only the finished Vendor audit); listed by priority: 2, then 3.
        Assert.Equal(8, scorecard["objectives"]!["total"]!.GetValue<int>());
        Assert.Equal([(hireFaster.Id(), "Hire faster"), (cutVendorSpend.Id(), "Cut vendor spend")], scorecard["objectives"]!["unsupported"]!.Items().Select(objective => (objective.Id(), objective["title"]!.GetValue<string>())));
        // Latest reports of active projects: green a1 a3 a5 a8 a12 a13 a14 = 7, amber a2 a7 a11 = 3, red a4 a10 = 2; a6 a9 a15 never reported.
        // Stale: never reported (a6 a9 a15) or last reported 40 days ago (a5 a10) = 5; a14's old amber was followed by a fresh green.
        Assert.Equal((7, 3, 2, 5), Health(scorecard["health"]!));
        // Departments involved (sponsor or partner) in active projects, with planned budget in thousands, aligned marked *:
        // FIN   a1 500*, a3 200*, a4 90*, a10 120, a11 70, a14 400*          → 6 projects, 1,190 / 1,380 = 0.86231… → 0.8623; objectives 2
        // HR    a2 300*, a5 80, a8 60, a13 27                                → 4 projects,   300 /   467 = 0.64239… → 0.6424; objectives 1
        // IT    a1 500*, a2 300*, a3 200*, a5 80, a6 150*, a7 250*, a10 120, a14 400*
        //                                                                    → 8 projects, 1,800 / 2,000 = 0.9;              objectives 2
        // MKT   a7 250*, a12 90*, a14 400*, a15 50*                          → 4 projects,   790 /   790 = 1;                objectives 1
        // OPS   a4 90*, a6 150*, a9 40, a13 27                               → 4 projects,   240 /   307 = 0.78175… → 0.7818; objectives 1
        // SALES a7 250*, a12 90*, a14 400*                                   → 3 projects,   740 /   740 = 1;                objectives 1
        Assert.Equal(
            [("FIN", 2, 6, 0.8623m), ("HR", 1, 4, 0.6424m), ("IT", 2, 8, 0.9m), ("MKT", 1, 4, 1m), ("OPS", 1, 4, 0.7818m), ("SALES", 1, 3, 1m)],
            scorecard["departments"]!.Items().Select(department => (
                department["code"]!.GetValue<string>(),
                department["objectives"]!.GetValue<int>(),
                department["projects"]!.GetValue<int>(),
                department["alignedShare"]!.GetValue<decimal>())));
        // Pairs sharing active projects: FIN-IT a1 a3 a10 a14 = 4; MKT-SALES a7 a12 a14 = 3; HR-IT a2 a5, IT-MKT a7 a14, IT-SALES a7 a14 = 2;
        // FIN-MKT a14, FIN-OPS a4, FIN-SALES a14, HR-OPS a13, IT-OPS a6 = 1. Most shared first, then by name.
        Assert.Equal(
            [("FIN", "IT", 4), ("MKT", "SALES", 3), ("HR", "IT", 2), ("IT", "MKT", 2), ("IT", "SALES", 2), ("FIN", "MKT", 1), ("FIN", "OPS", 1), ("FIN", "SALES", 1), ("HR", "OPS", 1), ("IT", "OPS", 1)],
            scorecard["partnerships"]!.Items().Select(pair => (pair["a"]!.GetValue<string>(), pair["b"]!.GetValue<string>(), pair["sharedProjects"]!.GetValue<int>())));

        // The project list agrees with the scorecard about which active projects serve the period.
        var aligned = await executive.GetJsonAsync("/api/projects?status=active&aligned=true&period=2026-H2");
        var unaligned = await executive.GetJsonAsync("/api/projects?status=active&aligned=false&period=2026-H2");
        Assert.Equal(new[] { a1, a2, a3, a4, a6, a7, a12, a14, a15 }.Order(), aligned.Ids().Order());
        Assert.Equal(new[] { a5, a8, a9, a10, a11, a13 }.Order(), unaligned.Ids().Order());
    }

    [Fact]
    public async Task Only_executives_and_admins_see_the_scorecard()
    {
        using var employee = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync("/api/alignment/scorecard?period=2026-H2");
        using var admin = await fixture.Host.CreateClient(TestUser.Admin()).GetAsync("/api/alignment/scorecard?period=2026-H2");

        await employee.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await admin.EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_scorecard_is_of_the_current_half_year_unless_a_period_is_given()
    {
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var now = DateTimeOffset.UtcNow;

        var current = await executive.GetJsonAsync("/api/alignment/scorecard");
        var empty = await executive.GetJsonAsync("/api/alignment/scorecard?period=");
        using var bad = await executive.GetAsync("/api/alignment/scorecard?period=2026-Q5");

        Assert.Equal($"{now.Year}-H{(now.Month <= 6 ? 1 : 2)}", current["period"]!.GetValue<string>());
        Assert.Equal(current["period"]!.GetValue<string>(), empty["period"]!.GetValue<string>());
        await bad.AssertRefusedAsync("period");
    }

    private static async Task<string> Seed(
        HttpClient lead, string name, string sponsor, string[] partners, decimal planned, JsonNode[]? serves = null, string status = "active", string currency = "EUR")
    {
        var project = await lead.CreateProjectAsync(Project(name, sponsor, partners, planned, currency, status));
        foreach (var objective in serves ?? [])
        {
            await lead.AlignAsync(project.Id(), objective.Id());
        }

        return project.Id();
    }

    private static (decimal, decimal, decimal, string) Budget(JsonNode budget) => (
        budget["total"]!.GetValue<decimal>(),
        budget["aligned"]!.GetValue<decimal>(),
        budget["alignedShare"]!.GetValue<decimal>(),
        budget["currency"]!.GetValue<string>());

    private static (int, int, int, int) Health(JsonNode health) => (
        health["green"]!.GetValue<int>(),
        health["amber"]!.GetValue<int>(),
        health["red"]!.GetValue<int>(),
        health["stale"]!.GetValue<int>());
}

public sealed class Scorecard_on_Sqlite(SqliteAlignment fixture) : ScorecardTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Scorecard_on_Postgres(PostgresAlignment fixture) : ScorecardTests(fixture), IClassFixture<PostgresAlignment>;
