using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

public abstract class StatusReportSlicesTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_status_report_joins_the_log_sets_the_project_health_and_is_announced()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var user = TestUser.Employee("lead");
        var lead = fixture.Host.CreateClient(user);
        var project = await lead.CreateProjectAsync(Project("Reported"));

        using var response = await lead.PostAsJsonAsync($"/api/projects/{project.Id()}/status-reports", new
        {
            health = "amber",
            summary = "Vendor late",
            risks = "Go-live slips a month",
            decisions = "Run both systems until March",
        });

        await response.EnsureStatusAsync(HttpStatusCode.Created);
        var report = await response.ReadJsonAsync();
        var located = await lead.GetJsonAsync(response.Headers.Location!.ToString());
        Assert.Equal((report.Id(), "amber", "Go-live slips a month", "Run both systems until March"), (located.Id(), located["health"]!.GetValue<string>(), located["risks"]!.GetValue<string>(), located["decisions"]!.GetValue<string>()));
        var read = await lead.GetJsonAsync($"/api/projects/{project.Id()}");
        Assert.Equal(("amber", report["reportedAt"]!.GetValue<DateTimeOffset>()), (read["health"]!.GetValue<string>(), read["lastReportedAt"]!.GetValue<DateTimeOffset>()));
        var announced = await fixture.Host.Events.WaitForAsync<ProjectStatusReported>(evt => evt.ReportId.ToString() == report.Id(), "ProjectStatusReported");
        Assert.Equal((project.Id(), "amber", "Vendor late", user.Id), (announced.ProjectId.ToString(), announced.Health, announced.Summary, announced.ReportedBy));
    }

    [Fact]
    public async Task Everyone_reads_the_log_newest_first_page_by_page()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(Project("Logged"));
        var first = await lead.ReportAsync(project.Id(), "green");
        var second = await lead.ReportAsync(project.Id(), "amber");
        var third = await lead.ReportAsync(project.Id(), "red");
        var reader = fixture.Host.CreateClient(TestUser.Employee("reader"));

        var page1 = await reader.GetJsonAsync($"/api/projects/{project.Id()}/status-reports?limit=2");
        var page2 = await reader.GetJsonAsync($"/api/projects/{project.Id()}/status-reports?limit=2&cursor={page1["nextCursor"]}");

        Assert.Equal([third.Id(), second.Id()], page1.Ids());
        Assert.Equal([first.Id()], page2.Ids());
        Assert.Null(page2["nextCursor"]);
        Assert.Equal("red", (await reader.GetJsonAsync($"/api/projects/{project.Id()}"))["health"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_leads_executives_and_admins_report_and_bad_reports_are_refused()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(Project("Guarded log"));
        var url = $"/api/projects/{project.Id()}/status-reports";

        using var byColleague = await fixture.Host.CreateClient(TestUser.Employee("colleague")).PostAsJsonAsync(url, new { health = "green", summary = "Fine" });
        using var byExecutive = await fixture.Host.CreateClient(TestUser.Executive()).PostAsJsonAsync(url, new { health = "red", summary = "Stop" });
        using var badHealth = await lead.PostAsJsonAsync(url, new { health = "purple", summary = "Unclear" });
        using var noSummary = await lead.PostAsJsonAsync(url, new { health = "green" });
        using var noProject = await lead.PostAsJsonAsync($"/api/projects/{Guid.NewGuid()}/status-reports", new { health = "green", summary = "Ghost" });
        using var foreignCursor = await lead.GetAsync($"{url}?cursor={PageCursorOf("elsewhere")}");

        await byColleague.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await byExecutive.EnsureStatusAsync(HttpStatusCode.Created);
        await badHealth.AssertRefusedAsync("health");
        await noSummary.AssertRefusedAsync("summary");
        await noProject.EnsureStatusAsync(HttpStatusCode.NotFound);
        await foreignCursor.AssertRefusedAsync("cursor");
        Assert.Single((await lead.GetJsonAsync(url)).Ids());
    }

    private static string PageCursorOf(string key) => ServiceDefaults.Http.PageRequest.Encode(key);
}

public sealed class Status_report_slices_on_Sqlite(SqliteAlignment fixture) : StatusReportSlicesTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Status_report_slices_on_Postgres(PostgresAlignment fixture) : StatusReportSlicesTests(fixture), IClassFixture<PostgresAlignment>;
