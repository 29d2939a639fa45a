using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

public abstract class AlignmentLinkSlicesTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_lead_links_a_project_to_an_objective_and_both_show_it()
    {
        await fixture.KnowDepartmentsAsync("IT", "FIN");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var objective = await fixture.Host.CreateClient(TestUser.Executive()).CreateObjectiveAsync(Objective("Close the books faster", "FIN"));
        var project = await lead.CreateProjectAsync(Project("Ledger automation"));

        var link = await lead.PutJsonAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}", new { contribution = "medium", rationale = "Automates reconciliations" }, HttpStatusCode.OK);
        var changed = await lead.PutJsonAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}", new { contribution = "high", rationale = "Automates the whole close" }, HttpStatusCode.OK);

        Assert.Equal(("Close the books faster", "FIN", "2026-H2"), (link["objectiveTitle"]!.GetValue<string>(), link["department"]!.GetValue<string>(), link["period"]!.GetValue<string>()));
        Assert.Equal(link["linkedAt"]!.GetValue<DateTimeOffset>(), changed["linkedAt"]!.GetValue<DateTimeOffset>());
        var fromObjective = Assert.Single((await lead.GetJsonAsync($"/api/objectives/{objective.Id()}"))["projects"]!.AsArray())!;
        Assert.Equal((project.Id(), "high", "Automates the whole close"), (fromObjective.Id(), fromObjective["contribution"]!.GetValue<string>(), fromObjective["rationale"]!.GetValue<string>()));
        var fromProject = Assert.Single((await lead.GetJsonAsync($"/api/projects/{project.Id()}"))["alignments"]!.AsArray())!;
        Assert.Equal((objective.Id(), "high"), (fromProject["objectiveId"]!.GetValue<string>(), fromProject["contribution"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Linking_and_unlinking_announce_the_objectives_a_project_serves()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var objective = await fixture.Host.CreateClient(TestUser.Executive()).CreateObjectiveAsync(Objective("Serve partners"));
        var project = await lead.CreateProjectAsync(Project("Partner portal"));
        var (projectId, objectiveId) = (Guid.Parse(project.Id()), Guid.Parse(objective.Id()));

        await lead.AlignAsync(project.Id(), objective.Id());
        await fixture.Host.Events.WaitForAsync<ProjectChanged>(
            evt => evt.ProjectId == projectId && evt.ObjectiveIds is [var linked] && linked == objectiveId, "ProjectChanged naming the objective");
        using var removed = await lead.DeleteAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}");

        await fixture.Host.Events.WaitForAsync<ProjectChanged>(
            evt => evt.ProjectId == projectId && evt.ObjectiveIds is [], "ProjectChanged naming no objective");
    }

    [Fact]
    public async Task Unlinking_removes_the_link_once()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var objective = await fixture.Host.CreateClient(TestUser.Executive()).CreateObjectiveAsync(Objective("Grow"));
        var project = await lead.CreateProjectAsync(Project("Unlinked"));
        await lead.AlignAsync(project.Id(), objective.Id());

        using var removed = await lead.DeleteAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}");
        using var again = await lead.DeleteAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}");

        await removed.EnsureStatusAsync(HttpStatusCode.NoContent);
        await again.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Empty((await lead.GetJsonAsync($"/api/objectives/{objective.Id()}"))["projects"]!.AsArray());
    }

    [Fact]
    public async Task Linking_to_an_unknown_objective_or_without_a_reason_is_refused_and_nothing_is_written()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var objective = await fixture.Host.CreateClient(TestUser.Executive()).CreateObjectiveAsync(Objective("Grow"));
        var project = await lead.CreateProjectAsync(Project("Careless"));

        using var unknown = await lead.PutAsJsonAsync($"/api/projects/{project.Id()}/alignments/{Guid.NewGuid()}", new { contribution = "high", rationale = "Because" });
        using var badContribution = await lead.PutAsJsonAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}", new { contribution = "huge", rationale = "Because" });
        using var noRationale = await lead.PutAsJsonAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}", new { contribution = "low" });
        using var byColleague = await fixture.Host.CreateClient(TestUser.Employee("colleague")).PutAsJsonAsync($"/api/projects/{project.Id()}/alignments/{objective.Id()}", new { contribution = "low", rationale = "Mine now" });

        await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("The objective was not found.", (await unknown.ReadJsonAsync())["title"]!.GetValue<string>());
        await badContribution.AssertRefusedAsync("contribution");
        await noRationale.AssertRefusedAsync("rationale");
        await byColleague.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await lead.GetJsonAsync($"/api/projects/{project.Id()}"))["alignments"]!.AsArray());
    }
}

public sealed class Alignment_link_slices_on_Sqlite(SqliteAlignment fixture) : AlignmentLinkSlicesTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Alignment_link_slices_on_Postgres(PostgresAlignment fixture) : AlignmentLinkSlicesTests(fixture), IClassFixture<PostgresAlignment>;
