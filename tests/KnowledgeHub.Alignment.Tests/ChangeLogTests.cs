using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>Projects and objectives keep a change log anyone who can read them can read: who changed what, when, from what to what.</summary>
public abstract class ChangeLogTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_projects_budget_status_members_alignment_and_report_changes_are_logged_with_who_and_before_and_after()
    {
        var department = ProjectSlicesTests.UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var leadUser = TestUser.Employee("lead");
        var lead = fixture.Host.CreateClient(leadUser);
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var project = await lead.CreateProjectAsync(Project("Logged", department, planned: 1000m, status: "proposed"));
        var objective = await executive.CreateObjectiveAsync(Objective("Served", department));
        var memberUser = TestUser.Employee("member");
        await fixture.KnowPeopleAsync(memberUser);
        var member = memberUser.Id;

        using var edited = await lead.PutAsJsonAsync($"/api/projects/{project.Id()}", Project("Logged", department, planned: 1500m, status: "active"));
        await edited.EnsureStatusAsync(HttpStatusCode.OK);
        await lead.PutJsonAsync($"/api/projects/{project.Id()}/members/{member}", new { role = "Engineer" }, HttpStatusCode.OK);
        await lead.AlignAsync(project.Id(), objective.Id(), "low");
        await lead.ReportAsync(project.Id(), "amber");

        var log = await fixture.Host.CreateClient(TestUser.Employee("reader")).GetJsonAsync($"/api/projects/{project.Id()}/changes?limit=100");

        var changes = log["items"]!.Items().Select(Line).ToList();
        Assert.Contains($"budget.planned: 1000 -> 1500 by {leadUser.Id}", changes);
        Assert.Contains($"status: proposed -> active by {leadUser.Id}", changes);
        Assert.Equal($"member:{member}: (none) -> engineer (unconfirmed) by {leadUser.Id}", changes.Single(line => line.StartsWith($"member:{member}", StringComparison.Ordinal)));
        Assert.Contains($"alignment:{objective.Id()}: (none) -> low by {leadUser.Id}", changes);
        Assert.Contains($"health: (none) -> amber by {leadUser.Id}", changes);
        Assert.Contains(changes, line => line.StartsWith("statusReport:", StringComparison.Ordinal) && line.EndsWith($": (none) -> amber: All amber by {leadUser.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, line => line.StartsWith("budget.currency: EUR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_objectives_check_ins_are_logged_and_the_log_pages_newest_first()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var objective = await executive.CreateObjectiveAsync(Objective("Checked in"));
        var keyResult = objective["keyResults"]![0]!.Id();
        await executive.PutJsonAsync($"/api/objectives/{objective.Id()}/key-results/{keyResult}", new { current = 50m }, HttpStatusCode.OK);
        await executive.PutJsonAsync($"/api/objectives/{objective.Id()}/key-results/{keyResult}", new { current = 60m }, HttpStatusCode.OK);

        var first = await executive.GetJsonAsync($"/api/objectives/{objective.Id()}/changes?limit=1");
        var second = await executive.GetJsonAsync($"/api/objectives/{objective.Id()}/changes?limit=1&cursor={Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>())}");
        using var missing = await executive.GetAsync($"/api/objectives/{Guid.NewGuid()}/changes");

        Assert.True(Is(first["items"]![0]!, $"keyResult:{keyResult}.current", "50", "60"));
        Assert.True(Is(second["items"]![0]!, $"keyResult:{keyResult}.current", "35", "50"));
        await missing.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_status_report_is_logged_once_with_its_health_and_a_later_edit_logs_only_what_it_changed()
    {
        var department = ProjectSlicesTests.UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var leadUser = TestUser.Employee("reporting lead");
        var lead = fixture.Host.CreateClient(leadUser);
        var project = await lead.CreateProjectAsync(Project("Reported", department, planned: 1000m, status: "active"));
        var reports = new List<string>();
        foreach (var health in new[] { "green", "amber", "red" })
        {
            reports.Add((await lead.ReportAsync(project.Id(), health)).Id());
        }

        using var edited = await lead.PutAsJsonAsync($"/api/projects/{project.Id()}", Project("Reported", department, planned: 1200m, status: "active"));
        await edited.EnsureStatusAsync(HttpStatusCode.OK);

        var changes = (await lead.GetJsonAsync($"/api/projects/{project.Id()}/changes?limit=100"))["items"]!.Items().Select(Line).ToList();
        Assert.Equal(
            [$"statusReport:{reports[2]}: (none) -> red: All red by {leadUser.Id}", $"statusReport:{reports[1]}: (none) -> amber: All amber by {leadUser.Id}", $"statusReport:{reports[0]}: (none) -> green: All green by {leadUser.Id}"],
            changes.Where(line => line.StartsWith("statusReport:", StringComparison.Ordinal)));
        Assert.Equal(
            [$"health: amber -> red by {leadUser.Id}", $"health: green -> amber by {leadUser.Id}", $"health: (none) -> green by {leadUser.Id}"],
            changes.Where(line => line.StartsWith("health:", StringComparison.Ordinal)));
        Assert.Equal($"budget.planned: 1000 -> 1200 by {leadUser.Id}", changes[0]);
    }

    private static string Line(JsonNode change) =>
        $"{change["field"]!.GetValue<string>()}: {change["before"]?.GetValue<string>() ?? "(none)"} -> {change["after"]?.GetValue<string>() ?? "(none)"} by {change["changedBy"]!.GetValue<string>()}";

    private static bool Is(JsonNode change, string field, string? before, string? after) =>
        change["field"]!.GetValue<string>() == field
        && change["before"]?.GetValue<string>() == before
        && change["after"]?.GetValue<string>() == after;
}

public sealed class Change_log_on_Sqlite(SqliteAlignment fixture) : ChangeLogTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Change_log_on_Postgres(PostgresAlignment fixture) : ChangeLogTests(fixture), IClassFixture<PostgresAlignment>;
