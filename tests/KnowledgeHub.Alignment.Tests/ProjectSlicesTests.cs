using System.Net;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Alignment.Tests;

public abstract class ProjectSlicesTests(AlignmentFixture fixture)
{
    private static object Project(string name, object? budget = null, string startDate = "2026-01-01", string endDate = "2026-06-30") => new
    {
        name,
        description = "Move the data platform",
        sponsorDepartment = "it",
        partnerDepartments = new[] { "FIN", "IT", "hr" },
        tags = new[] { "Data" },
        budget = budget ?? new { planned = 250000.5m, actual = 1000m, currency = "eur" },
        startDate,
        endDate,
        status = "active",
    };

    [Fact]
    public async Task Creating_a_project_makes_the_creator_its_lead_and_announces_it()
    {
        var user = TestUser.Employee("lead");
        var client = fixture.Host.CreateClient(user);

        var created = await client.PostJsonAsync("/api/projects", Project("Data platform"), HttpStatusCode.Created);
        var read = await client.GetJsonAsync($"/api/projects/{created["id"]}");

        Assert.Equal(user.Id.ToString(), read["leadId"]!.GetValue<string>());
        Assert.Equal("IT", read["sponsorDepartment"]!.GetValue<string>());
        Assert.Equal(["FIN", "HR"], read["partnerDepartments"]!.AsArray().Select(code => code!.GetValue<string>()));
        Assert.Equal(250000.5m, read["budget"]!["planned"]!.GetValue<decimal>());
        Assert.Equal("EUR", read["budget"]!["currency"]!.GetValue<string>());
        Assert.Equal("2026-06-30", read["endDate"]!.GetValue<string>());
        await fixture.Host.Events.WaitForAsync<ProjectChanged>(evt => evt.ProjectId.ToString() == created["id"]!.GetValue<string>(), "ProjectChanged");
    }

    [Theory]
    [InlineData("budget.planned")]
    [InlineData("budget.currency")]
    [InlineData("endDate")]
    public async Task A_bad_project_is_refused_naming_the_field(string field)
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());
        var body = field switch
        {
            "budget.planned" => Project("Negative", new { planned = -1m, actual = 0m, currency = "EUR" }),
            "budget.currency" => Project("Money", new { planned = 1m, actual = 0m, currency = "EURO" }),
            _ => Project("Backwards", startDate: "2026-06-01", endDate: "2026-01-01"),
        };

        using var response = await client.PostAsync("/api/projects", System.Net.Http.Json.JsonContent.Create(body));

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Projects_filter_by_status_and_by_sponsor_or_partner_department()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());
        var department = "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var sponsored = await client.PostJsonAsync("/api/projects", new
        {
            name = "Sponsored",
            sponsorDepartment = department,
            budget = new { planned = 1m, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2026-02-01",
            status = "active",
        }, HttpStatusCode.Created);
        var partnered = await client.PostJsonAsync("/api/projects", new
        {
            name = "Partnered",
            sponsorDepartment = "IT",
            partnerDepartments = new[] { department },
            budget = new { planned = 1m, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2026-02-01",
            status = "proposed",
        }, HttpStatusCode.Created);

        var all = await client.GetJsonAsync($"/api/projects?department={department}");
        var active = await client.GetJsonAsync($"/api/projects?department={department}&status=active");

        Assert.Equal([partnered["id"]!.GetValue<string>(), sponsored["id"]!.GetValue<string>()], all["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
        Assert.Equal([sponsored["id"]!.GetValue<string>()], active["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
    }
}

public sealed class Project_slices_on_Sqlite(SqliteAlignment fixture) : ProjectSlicesTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Project_slices_on_Postgres(PostgresAlignment fixture) : ProjectSlicesTests(fixture), IClassFixture<PostgresAlignment>;
