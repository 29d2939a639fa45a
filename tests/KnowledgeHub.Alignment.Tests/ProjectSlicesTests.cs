using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

public abstract class ProjectSlicesTests(AlignmentFixture fixture)
{
    internal static string UniqueDepartment() => "D" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task Creating_a_project_makes_the_creator_its_lead_and_announces_it()
    {
        await fixture.KnowDepartmentsAsync("IT", "FIN", "HR");
        var user = TestUser.Employee("lead");
        var client = fixture.Host.CreateClient(user);

        var created = await client.PostJsonAsync("/api/projects", new
        {
            name = "Data platform",
            description = "Move the data platform",
            sponsorDepartment = "it",
            partnerDepartments = new[] { "FIN", "IT", "hr" },
            tags = new[] { "Data" },
            budget = new { planned = 250000.5m, actual = 1000m, currency = "eur" },
            startDate = "2026-01-01",
            endDate = "2026-06-30",
            status = "active",
        }, HttpStatusCode.Created);
        var read = await client.GetJsonAsync($"/api/projects/{created.Id()}");

        Assert.Equal(user.Id.ToString(), read["leadId"]!.GetValue<string>());
        Assert.Equal("IT", read["sponsorDepartment"]!.GetValue<string>());
        Assert.Equal(["FIN", "HR"], read["partnerDepartments"]!.AsArray().Select(code => code!.GetValue<string>()));
        Assert.Equal(250000.5m, read["budget"]!["planned"]!.GetValue<decimal>());
        Assert.Equal("EUR", read["budget"]!["currency"]!.GetValue<string>());
        Assert.Equal("2026-06-30", read["endDate"]!.GetValue<string>());
        Assert.False(read["pilot"]!.GetValue<bool>());
        var lead = Assert.Single(read["members"]!.AsArray());
        Assert.Equal("lead", lead!["role"]!.GetValue<string>());
        await fixture.Host.Events.WaitForAsync<ProjectChanged>(evt => evt.ProjectId.ToString() == created.Id(), "ProjectChanged");
        var assigned = await fixture.Host.Events.WaitForAsync<ProjectMemberAssigned>(evt => evt.ProjectId.ToString() == created.Id(), "ProjectMemberAssigned for the lead");
        Assert.Equal((user.Id, "lead", "Data platform", "data"), (assigned.PersonId, assigned.Role, assigned.ProjectName, string.Join(',', assigned.ProjectTags)));
    }

    [Theory]
    [InlineData("budget.planned")]
    [InlineData("budget.currency")]
    [InlineData("endDate")]
    [InlineData("sponsorDepartment")]
    [InlineData("partnerDepartments")]
    [InlineData("lessonsLearned")]
    public async Task A_bad_project_is_refused_naming_the_field_and_nothing_is_written(string field)
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var client = fixture.Host.CreateClient(TestUser.Employee());
        var body = field switch
        {
            "budget.planned" => Project("Negative", department, planned: -1m),
            "budget.currency" => Project("Money", department, currency: "EURO"),
            "endDate" => Project("Backwards", department, startDate: "2026-06-01", endDate: "2026-01-01"),
            "sponsorDepartment" => Project("Nowhere", sponsor: "NOWHERE", partners: [department]),
            "partnerDepartments" => Project("Lonely", department, partners: ["NOWHERE"]),
            _ => Project("Unreflected pilot", department, status: "done", pilot: true),
        };

        using var response = await client.PostAsync("/api/projects", JsonContent.Create(body));

        await response.AssertRefusedAsync(field);
        Assert.Empty((await client.GetJsonAsync($"/api/projects?department={department}")).Ids());
    }

    [Fact]
    public async Task Projects_filter_by_status_and_by_sponsor_or_partner_department()
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department, "IT");
        var client = fixture.Host.CreateClient(TestUser.Employee());
        var sponsored = await client.CreateProjectAsync(Project("Sponsored", department));
        var partnered = await client.CreateProjectAsync(Project("Partnered", "IT", [department], status: "proposed"));

        var all = await client.GetJsonAsync($"/api/projects?department={department}");
        var active = await client.GetJsonAsync($"/api/projects?department={department}&status=active");

        Assert.Equal([partnered.Id(), sponsored.Id()], all.Ids());
        Assert.Equal([sponsored.Id()], active.Ids());
    }

    [Fact]
    public async Task The_lead_edits_a_project_and_a_stale_etag_is_refused()
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department, "IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var created = await lead.CreateProjectAsync(Project("Edited", department));
        using var read = await lead.GetAsync($"/api/projects/{created.Id()}");
        var etag = read.Headers.ETag!.ToString();

        using var edited = await lead.PutWithIfMatchAsync($"/api/projects/{created.Id()}", Project("Edited again", department, ["IT"], planned: 5m, tags: ["ops"]), etag);
        using var stale = await lead.PutWithIfMatchAsync($"/api/projects/{created.Id()}", Project("Lost update", department), etag);

        await edited.EnsureStatusAsync(HttpStatusCode.OK);
        await stale.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);
        var project = await lead.GetJsonAsync($"/api/projects/{created.Id()}");
        Assert.Equal(("Edited again", 5m, 2L), (project["name"]!.GetValue<string>(), project["budget"]!["planned"]!.GetValue<decimal>(), project["version"]!.GetValue<long>()));
        Assert.Equal(["IT"], project["partnerDepartments"]!.AsArray().Select(code => code!.GetValue<string>()));
        await fixture.Host.Events.WaitForAsync<ProjectChanged>(evt => evt.ProjectId.ToString() == created.Id() && evt.Version == 2 && evt.Tags.SequenceEqual(["ops"]), "ProjectChanged version 2");
    }

    [Fact]
    public async Task Only_leads_executives_and_admins_edit_a_project()
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var created = await fixture.Host.CreateClient(TestUser.Employee("lead")).CreateProjectAsync(Project("Guarded", department));
        var url = $"/api/projects/{created.Id()}";

        using var colleague = await fixture.Host.CreateClient(TestUser.Employee("colleague")).PutAsJsonAsync(url, Project("Taken over", department));
        using var executive = await fixture.Host.CreateClient(TestUser.Executive()).PutAsJsonAsync(url, Project("Steered", department));
        using var missing = await fixture.Host.CreateClient(TestUser.Admin()).PutAsJsonAsync($"/api/projects/{Guid.NewGuid()}", Project("Ghost", department));

        await colleague.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await executive.EnsureStatusAsync(HttpStatusCode.OK);
        await missing.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Equal("Steered", (await fixture.Host.CreateClient(TestUser.Employee()).GetJsonAsync(url))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cancelled_pilot_also_closes_only_with_lessons_learned_which_it_announces_for_search()
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var pilot = await lead.CreateProjectAsync(Project("Drone pilot", department, pilot: true));
        var url = $"/api/projects/{pilot.Id()}";

        using var withoutLessons = await lead.PutAsJsonAsync(url, Project("Drone pilot", department, status: "cancelled", pilot: true));
        using var withLessons = await lead.PutAsJsonAsync(url, Project("Drone pilot", department, status: "cancelled", pilot: true, lessonsLearned: "Batteries die in the cold."));

        await withoutLessons.AssertRefusedAsync("lessonsLearned");
        await withLessons.EnsureStatusAsync(HttpStatusCode.OK);
        await fixture.Host.Events.WaitForAsync<ProjectChanged>(
            evt => evt.ProjectId.ToString() == pilot.Id() && evt.Status == "cancelled" && evt.LessonsLearned == "Batteries die in the cold.",
            "the cancelled pilot announced with its lessons");
    }

    [Fact]
    public async Task A_pilot_is_done_only_with_lessons_learned()
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var pilot = await lead.CreateProjectAsync(Project("Chatbot pilot", department, pilot: true));
        var url = $"/api/projects/{pilot.Id()}";

        using var withoutLessons = await lead.PutAsJsonAsync(url, Project("Chatbot pilot", department, status: "done", pilot: true, lessonsLearned: "  "));
        using var withLessons = await lead.PutAsJsonAsync(url, Project("Chatbot pilot", department, status: "done", pilot: true, lessonsLearned: "Users want answers, not chat."));

        await withoutLessons.AssertRefusedAsync("lessonsLearned");
        await withLessons.EnsureStatusAsync(HttpStatusCode.OK);
        var done = await lead.GetJsonAsync(url);
        Assert.Equal(("done", "Users want answers, not chat."), (done["status"]!.GetValue<string>(), done["lessonsLearned"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Projects_filter_by_whether_they_serve_an_objective_of_a_period()
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var h2 = await executive.CreateObjectiveAsync(Objective("Grow", department, "2026-H2"));
        var q1 = await executive.CreateObjectiveAsync(Objective("Save", department, "2027-Q1"));
        var servesH2 = await lead.CreateProjectAsync(Project("Serves H2", department));
        var servesQ1 = await lead.CreateProjectAsync(Project("Serves Q1", department));
        var servesNothing = await lead.CreateProjectAsync(Project("Serves nothing", department));
        await lead.AlignAsync(servesH2.Id(), h2.Id());
        await lead.AlignAsync(servesQ1.Id(), q1.Id());

        var list = $"/api/projects?department={department}";
        Assert.Equal([servesQ1.Id(), servesH2.Id()], (await lead.GetJsonAsync($"{list}&aligned=true")).Ids());
        Assert.Equal([servesNothing.Id()], (await lead.GetJsonAsync($"{list}&aligned=false")).Ids());
        Assert.Equal([servesH2.Id()], (await lead.GetJsonAsync($"{list}&period=2026-h2")).Ids());
        Assert.Equal([servesNothing.Id(), servesQ1.Id()], (await lead.GetJsonAsync($"{list}&aligned=false&period=2026-H2")).Ids());
    }

    [Fact]
    public async Task Empty_filters_leave_a_list_unfiltered()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var client = fixture.Host.CreateClient(TestUser.Employee());
        var project = await client.CreateProjectAsync(Project("Unfiltered"));

        var projects = await client.GetJsonAsync("/api/projects?status=&department=&aligned=&period=&limit=100");

        Assert.Contains(project.Id(), projects.Ids());
        await client.GetJsonAsync("/api/objectives?period=&department=");
    }

    [Fact]
    public async Task Budgets_with_and_without_cents_are_listed_together()
    {
        var department = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department);
        var client = fixture.Host.CreateClient(TestUser.Employee());
        await client.CreateProjectAsync(Project("Whole", department, planned: 100m));
        await client.CreateProjectAsync(Project("With cents", department, planned: 100.25m));

        var projects = await client.GetJsonAsync($"/api/projects?department={department}");

        Assert.Equal([100.25m, 100m], projects["items"]!.Items().Select(project => project["budget"]!["planned"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task A_project_read_alone_has_every_field_it_has_in_a_list()
    {
        // One project's columns are bound by position, a list's by name (ADR 0108): a column moved in the statement shows here.
        var department = UniqueDepartment();
        var partner = UniqueDepartment();
        await fixture.KnowDepartmentsAsync(department, partner);
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(new
        {
            name = "Every field",
            description = "Unlike the name",
            sponsorDepartment = department,
            partnerDepartments = new[] { partner },
            tags = new[] { "analytics" },
            budget = new { planned = 1200.5m, actual = 300.25m, currency = "GBP" },
            startDate = "2026-02-01",
            endDate = "2026-11-30",
            status = "done",
            pilot = true,
            lessonsLearned = "Start smaller",
        });
        await lead.ReportAsync(project.Id(), "amber");

        var alone = await lead.GetJsonAsync($"/api/projects/{project.Id()}");
        var listed = Assert.Single((await lead.GetJsonAsync($"/api/projects?department={department}"))["items"]!.Items());

        Assert.Equal(("amber", "Start smaller", 300.25m), (alone["health"]!.GetValue<string>(), alone["lessonsLearned"]!.GetValue<string>(), alone["budget"]!["actual"]!.GetValue<decimal>()));
        Assert.NotNull(alone["lastReportedAt"]);
        foreach (var (field, value) in listed.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(value, alone[field]), $"{field}: listed {value?.ToJsonString()}, read alone {alone[field]?.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("/api/projects?period=2026-H3", "period")]
    [InlineData("/api/projects?aligned=maybe", "aligned")]
    [InlineData("/api/projects?status=finished", "status")]
    public async Task A_bad_project_filter_is_refused_naming_it(string url, string field)
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync(url);

        await response.AssertRefusedAsync(field);
    }
}

public sealed class Project_slices_on_Sqlite(SqliteAlignment fixture) : ProjectSlicesTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Project_slices_on_Postgres(PostgresAlignment fixture) : ProjectSlicesTests(fixture), IClassFixture<PostgresAlignment>;
