using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

public abstract class ObjectiveSlicesTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task An_executive_sets_an_objective_with_key_results_and_it_is_announced()
    {
        var department = ProjectSlicesTests.UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var executive = TestUser.Executive();
        var client = fixture.Host.CreateClient(executive);

        using var response = await client.PostAsJsonAsync("/api/objectives", new
        {
            title = "Run on the cloud",
            description = "Leave the data centre",
            department = department.ToLowerInvariant(),
            period = "2026-h2",
            priority = 1,
            keyResults = new[] { KeyResult("Workloads in the cloud", 20m, 80m, 35m, "%"), new { title = "Data centre cost", baseline = 100.5m, target = 40m, current = (decimal?)null, unit = "kEUR" } },
        });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        Assert.Equal($"/api/objectives/{created.Id()}", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        var read = await fixture.Host.CreateClient(TestUser.Employee()).GetJsonAsync($"/api/objectives/{created.Id()}");
        Assert.Equal((department, "2026-H2", 1), (read["department"]!.GetValue<string>(), read["period"]!.GetValue<string>(), read["priority"]!.GetValue<int>()));
        var keyResults = read["keyResults"]!.AsArray();
        // Progress moves from baseline to target: (35 - 20) / (80 - 20) = 0.25; the cost has not moved from 100.5 yet: 0.
        Assert.Equal([0.25m, 0m], keyResults.Select(keyResult => keyResult!["progress"]!.GetValue<decimal>()));
        Assert.Equal(0.125m, read["progress"]!.GetValue<decimal>());
        Assert.Equal([35m], History(keyResults[0]!));
        Assert.Equal([100.5m], History(keyResults[1]!));
        Assert.Empty(read["projects"]!.AsArray());
        var announced = await fixture.Host.Events.WaitForAsync<ObjectiveChanged>(evt => evt.ObjectiveId.ToString() == created.Id(), "ObjectiveChanged");
        Assert.Equal(("Run on the cloud", department, "2026-H2", 1L), (announced.Title, announced.Department, announced.Period, announced.Version));
    }

    [Fact]
    public async Task Only_executives_and_admins_set_objectives_while_everyone_reads_them()
    {
        await fixture.KnowDepartmentsAsync("IT");

        using var employee = await fixture.Host.CreateClient(TestUser.Employee()).PostAsJsonAsync("/api/objectives", Objective("Mine"));
        var byAdmin = await fixture.Host.CreateClient(TestUser.Admin()).CreateObjectiveAsync(Objective("Admin's"));

        await employee.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await fixture.Host.CreateClient(TestUser.Employee()).GetJsonAsync($"/api/objectives/{byAdmin.Id()}");
    }

    [Theory]
    [InlineData("period", "2026-H3")]
    [InlineData("period", "26-Q1")]
    [InlineData("keyResults[0].target", "2026-H2")]
    [InlineData("department", "2026-H2")]
    [InlineData("priority", "2026-H2")]
    [InlineData("title", "2026-H2")]
    public async Task A_bad_objective_is_refused_naming_the_field_and_nothing_is_written(string field, string period)
    {
        var department = ProjectSlicesTests.UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var client = fixture.Host.CreateClient(TestUser.Executive());
        var body = field switch
        {
            "keyResults[0].target" => Objective("Flat", department, period, keyResults: [KeyResult("Nothing moves", 5m, 5m, 5m, "%")]),
            "department" => Objective("Nowhere", "NOWHERE", period),
            "priority" => Objective("Urgent", department, period, priority: 6),
            "title" => Objective(" ", department, period),
            _ => Objective("Someday", department, period),
        };

        using var response = await client.PostAsJsonAsync("/api/objectives", body);

        await response.AssertRefusedAsync(field);
        Assert.Empty((await client.GetJsonAsync($"/api/objectives?department={department}")).Ids());
    }

    [Fact]
    public async Task Objectives_filter_by_period_and_department()
    {
        var sales = ProjectSlicesTests.UniqueDepartment();
        var finance = ProjectSlicesTests.UniqueDepartment();
        await fixture.KnowDepartmentsAsync(sales, finance);
        var client = fixture.Host.CreateClient(TestUser.Executive());
        var salesH2 = await client.CreateObjectiveAsync(Objective("Sell more", sales, "2026-H2"));
        var salesQ4 = await client.CreateObjectiveAsync(Objective("Sell more in Q4", sales, "2026-Q4"));
        var financeH2 = await client.CreateObjectiveAsync(Objective("Spend less", finance, "2026-H2"));

        var bySales = await client.GetJsonAsync($"/api/objectives?department={sales}");
        var bySalesInH2 = await client.GetJsonAsync($"/api/objectives?department={sales}&period=2026-H2");
        var byFinanceInQ4 = await client.GetJsonAsync($"/api/objectives?department={finance}&period=2026-Q4");

        Assert.Equal([salesQ4.Id(), salesH2.Id()], bySales.Ids());
        Assert.Equal([salesH2.Id()], bySalesInH2.Ids());
        Assert.Empty(byFinanceInQ4.Ids());
        Assert.Contains(financeH2.Id(), (await client.GetJsonAsync("/api/objectives?period=2026-H2&limit=100")).Ids());
    }

    [Fact]
    public async Task Checking_in_keeps_every_value_of_a_key_result()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var client = fixture.Host.CreateClient(TestUser.Executive());
        var objective = await client.CreateObjectiveAsync(Objective("Run on the cloud"));
        var keyResult = objective["keyResults"]![0]!.Id();
        var url = $"/api/objectives/{objective.Id()}/key-results/{keyResult}";

        await client.PutJsonAsync(url, new { current = 50m }, HttpStatusCode.OK);
        var checkedIn = await client.PutJsonAsync(url, new { current = 65m }, HttpStatusCode.OK);

        Assert.Equal(65m, checkedIn["current"]!.GetValue<decimal>());
        // (65 - 20) / (80 - 20) = 0.75
        Assert.Equal(0.75m, checkedIn["progress"]!.GetValue<decimal>());
        Assert.Equal([35m, 50m, 65m], History(checkedIn));
        var read = await client.GetJsonAsync($"/api/objectives/{objective.Id()}");
        Assert.Equal([35m, 50m, 65m], History(read["keyResults"]![0]!));
        Assert.Equal(3, read["version"]!.GetValue<long>());
        await fixture.Host.Events.WaitForAsync<ObjectiveChanged>(evt => evt.ObjectiveId.ToString() == objective.Id() && evt.Version == 3, "ObjectiveChanged after the check-ins");
    }

    [Fact]
    public async Task A_check_in_is_refused_for_employees_unknown_key_results_and_missing_values()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var objective = await fixture.Host.CreateClient(TestUser.Executive()).CreateObjectiveAsync(Objective("Run on the cloud"));
        var url = $"/api/objectives/{objective.Id()}/key-results/{objective["keyResults"]![0]!.Id()}";
        var executive = fixture.Host.CreateClient(TestUser.Executive());

        using var byEmployee = await fixture.Host.CreateClient(TestUser.Employee()).PutAsJsonAsync(url, new { current = 1m });
        using var unknown = await executive.PutAsJsonAsync($"/api/objectives/{objective.Id()}/key-results/{Guid.NewGuid()}", new { current = 1m });
        using var missing = await executive.PutAsJsonAsync(url, new { });

        await byEmployee.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
        await missing.AssertRefusedAsync("current");
    }

    [Fact]
    public async Task Editing_an_objective_keeps_the_key_results_it_names_and_refuses_a_stale_etag()
    {
        var department = ProjectSlicesTests.UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department, "IT");
        var client = fixture.Host.CreateClient(TestUser.Executive());
        var objective = await client.CreateObjectiveAsync(Objective("Run on the cloud", keyResults:
        [
            KeyResult("Workloads in the cloud", 20m, 80m, 35m, "%"),
            KeyResult("Data centres", 3m, 0m, 3m, "sites"),
        ]));
        var kept = objective["keyResults"]![0]!.Id();
        var url = $"/api/objectives/{objective.Id()}";
        var edit = new
        {
            title = "Run on two clouds",
            description = "Never depend on one provider",
            department,
            period = "2027-H1",
            priority = 4,
            keyResults = new object[]
            {
                new { id = kept, title = "Workloads on a cloud", baseline = 20m, target = 90m, current = 40m, unit = "%" },
                KeyResult("Providers in use", 1m, 2m, 1m, "providers"),
            },
        };

        using var edited = await client.PutWithIfMatchAsync(url, edit, "\"1\"");
        using var stale = await client.PutWithIfMatchAsync(url, edit, "\"1\"");
        using var byEmployee = await fixture.Host.CreateClient(TestUser.Employee()).PutWithIfMatchAsync(url, edit, null);
        using var foreignKeyResult = await client.PutWithIfMatchAsync(url, new { edit.title, edit.department, edit.period, keyResults = new[] { new { id = Guid.NewGuid(), title = "Ghost", baseline = 0m, target = 1m } } }, null);

        await edited.EnsureStatusAsync(HttpStatusCode.OK);
        await stale.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        await byEmployee.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await foreignKeyResult.AssertRefusedAsync("keyResults[0].id");
        var read = await client.GetJsonAsync(url);
        Assert.Equal(("Run on two clouds", department, "2027-H1", 4, 2L), (read["title"]!.GetValue<string>(), read["department"]!.GetValue<string>(), read["period"]!.GetValue<string>(), read["priority"]!.GetValue<int>(), read["version"]!.GetValue<long>()));
        var keyResults = read["keyResults"]!.AsArray();
        Assert.Equal(["Workloads on a cloud", "Providers in use"], keyResults.Select(keyResult => keyResult!["title"]!.GetValue<string>()));
        Assert.Equal(kept, keyResults[0]!.Id());
        Assert.Equal([35m, 40m], History(keyResults[0]!));
        Assert.Equal([1m], History(keyResults[1]!));
    }

    [Fact]
    public async Task An_unknown_objective_is_not_found()
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync($"/api/objectives/{Guid.NewGuid()}");

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    private static IEnumerable<decimal> History(JsonNode keyResult) =>
        keyResult["history"]!.AsArray().Select(checkIn => checkIn!["value"]!.GetValue<decimal>());
}

public sealed class Objective_slices_on_Sqlite(SqliteAlignment fixture) : ObjectiveSlicesTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Objective_slices_on_Postgres(PostgresAlignment fixture) : ObjectiveSlicesTests(fixture), IClassFixture<PostgresAlignment>;
