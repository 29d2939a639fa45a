using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

public abstract class MemberSlicesTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_membership_someone_else_made_is_announced_only_once_its_person_confirms_it()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(Project("Cluster upgrade", tags: ["kubernetes", "Linux"]));
        var developer = TestUser.Employee("developer");
        await fixture.KnowPeopleAsync(developer);

        var member = await lead.PutJsonAsync($"/api/projects/{project.Id()}/members/{developer.Id}", new { role = "Developer" }, HttpStatusCode.OK);
        var confirmed = await fixture.Host.CreateClient(developer).PostJsonAsync($"/api/projects/{project.Id()}/members/me/confirmation", new { }, HttpStatusCode.OK);
        var again = await fixture.Host.CreateClient(developer).PostJsonAsync($"/api/projects/{project.Id()}/members/me/confirmation", new { }, HttpStatusCode.OK);

        Assert.Equal((developer.Id.ToString(), "developer"), (member["personId"]!.GetValue<string>(), member["role"]!.GetValue<string>()));
        Assert.Null(member["confirmedAt"]);
        Assert.NotNull(confirmed["confirmedAt"]);
        Assert.Equal(confirmed["confirmedAt"]!.ToJsonString(), again["confirmedAt"]!.ToJsonString());
        var read = await lead.GetJsonAsync($"/api/projects/{project.Id()}");
        Assert.Contains(read["members"]!.AsArray(), entry => entry!["personId"]!.GetValue<string>() == developer.Id.ToString() && entry["confirmedAt"] is not null);
        var assigned = await fixture.Host.Events.WaitForAsync<ProjectMemberAssigned>(evt => evt.PersonId == developer.Id, "ProjectMemberAssigned");
        Assert.Equal((project.Id(), "Cluster upgrade", "kubernetes,linux", "developer"), (assigned.ProjectId.ToString(), assigned.ProjectName, string.Join(',', assigned.ProjectTags), assigned.Role));
        // The outbox relays in order: an announcement of the unconfirmed assignment would have come first.
        await fixture.Host.Events.WaitForAsync<ProjectChanged>(evt => evt.ProjectId.ToString() == project.Id(), "the project");
        Assert.Single(fixture.Host.Events.OfType<ProjectMemberAssigned>(), evt => evt.PersonId == developer.Id);
    }

    [Fact]
    public async Task An_editor_who_joins_a_project_needs_no_confirmation_and_only_members_can_confirm()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var project = await fixture.Host.CreateClient(TestUser.Employee("lead")).CreateProjectAsync(Project("Self service"));
        var admin = TestUser.Admin("joining-admin");
        var stranger = TestUser.Employee("stranger");
        await fixture.KnowPeopleAsync(stranger);

        var joined = await fixture.Host.CreateClient(admin).PutJsonAsync($"/api/projects/{project.Id()}/members/{admin.Id}", new { role = "advisor" }, HttpStatusCode.OK);
        using var byStranger = await fixture.Host.CreateClient(stranger).PostAsync($"/api/projects/{project.Id()}/members/me/confirmation", null);
        using var noProject = await fixture.Host.CreateClient(admin).PostAsync($"/api/projects/{Guid.NewGuid()}/members/me/confirmation", null);

        Assert.NotNull(joined["confirmedAt"]);
        await byStranger.EnsureStatusAsync(HttpStatusCode.NotFound);
        await noProject.EnsureStatusAsync(HttpStatusCode.NotFound);
        await fixture.Host.Events.WaitForAsync<ProjectMemberAssigned>(evt => evt.PersonId == admin.Id && evt.Role == "advisor", "the admin's own membership");
    }

    [Fact]
    public async Task Only_people_the_hub_knows_can_be_named_members()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(Project("Real people only"));
        var nobody = Guid.NewGuid();

        using var response = await lead.PutAsJsonAsync($"/api/projects/{project.Id()}/members/{nobody}", new { role = "developer" });

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        var members = (await lead.GetJsonAsync($"/api/projects/{project.Id()}"))["members"]!.AsArray();
        Assert.DoesNotContain(members, member => member!["personId"]!.GetValue<string>() == nobody.ToString());
    }

    [Fact]
    public async Task A_new_role_is_announced_again_and_the_same_role_is_not()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(Project("Role changes"));
        var person = TestUser.Employee("architect");
        await fixture.KnowPeopleAsync(person);
        var url = $"/api/projects/{project.Id()}/members/{person.Id}";

        await lead.PutJsonAsync(url, new { role = "developer" }, HttpStatusCode.OK);
        await fixture.Host.CreateClient(person).PostJsonAsync($"/api/projects/{project.Id()}/members/me/confirmation", new { }, HttpStatusCode.OK);
        await lead.PutJsonAsync(url, new { role = "developer" }, HttpStatusCode.OK);
        await lead.PutJsonAsync(url, new { role = "architect" }, HttpStatusCode.OK);

        await fixture.Host.Events.WaitForAsync<ProjectMemberAssigned>(evt => evt.PersonId == person.Id && evt.Role == "architect", "the new role");
        Assert.Equal(["developer", "architect"], fixture.Host.Events.OfType<ProjectMemberAssigned>().Where(evt => evt.PersonId == person.Id).Select(evt => evt.Role));
    }

    [Fact]
    public async Task A_member_made_lead_may_edit_the_project_and_others_may_not()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(Project("Shared lead"));
        var coLead = TestUser.Employee("colead");
        var developer = TestUser.Employee("developer");
        await fixture.KnowPeopleAsync(coLead, developer);
        await lead.PutJsonAsync($"/api/projects/{project.Id()}/members/{coLead.Id}", new { role = "lead" }, HttpStatusCode.OK);
        await lead.PutJsonAsync($"/api/projects/{project.Id()}/members/{developer.Id}", new { role = "developer" }, HttpStatusCode.OK);

        using var byCoLead = await fixture.Host.CreateClient(coLead).PutAsJsonAsync($"/api/projects/{project.Id()}", Project("Shared lead, renamed"));
        using var byDeveloper = await fixture.Host.CreateClient(developer).PutAsJsonAsync($"/api/projects/{project.Id()}/members/{Guid.NewGuid()}", new { role = "developer" });

        await byCoLead.EnsureStatusAsync(HttpStatusCode.OK);
        await byDeveloper.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Removing_a_member_is_announced_and_anyone_may_leave()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var lead = fixture.Host.CreateClient(TestUser.Employee("lead"));
        var project = await lead.CreateProjectAsync(Project("Leaving"));
        var removed = TestUser.Employee("removed");
        var leaver = TestUser.Employee("leaver");
        var stayer = TestUser.Employee("stayer");
        await fixture.KnowPeopleAsync(removed, leaver, stayer);
        foreach (var person in new[] { removed, leaver, stayer })
        {
            await lead.PutJsonAsync($"/api/projects/{project.Id()}/members/{person.Id}", new { role = "developer" }, HttpStatusCode.OK);
        }

        using var byLead = await lead.DeleteAsync($"/api/projects/{project.Id()}/members/{removed.Id}");
        using var byThemselves = await fixture.Host.CreateClient(leaver).DeleteAsync($"/api/projects/{project.Id()}/members/{leaver.Id}");
        using var byColleague = await fixture.Host.CreateClient(leaver).DeleteAsync($"/api/projects/{project.Id()}/members/{stayer.Id}");
        using var again = await lead.DeleteAsync($"/api/projects/{project.Id()}/members/{removed.Id}");

        await byLead.EnsureStatusAsync(HttpStatusCode.NoContent);
        await byThemselves.EnsureStatusAsync(HttpStatusCode.NoContent);
        await byColleague.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await again.EnsureStatusAsync(HttpStatusCode.NotFound);
        var members = (await lead.GetJsonAsync($"/api/projects/{project.Id()}"))["members"]!.AsArray().Select(member => member!["personId"]!.GetValue<string>());
        Assert.Equal(2, members.Count());
        Assert.Contains(stayer.Id.ToString(), members);
        await fixture.Host.Events.WaitForAsync<ProjectMemberRemoved>(evt => evt.PersonId == removed.Id && evt.ProjectId.ToString() == project.Id(), "ProjectMemberRemoved");
    }

    [Fact]
    public async Task The_lead_stays_lead_and_bad_roles_or_projects_are_refused()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var user = TestUser.Employee("lead");
        var lead = fixture.Host.CreateClient(user);
        var project = await lead.CreateProjectAsync(Project("Accountable"));
        var url = $"/api/projects/{project.Id()}/members/{user.Id}";

        using var demoted = await lead.PutAsJsonAsync(url, new { role = "developer" });
        using var removed = await lead.DeleteAsync(url);
        using var badRole = await lead.PutAsJsonAsync($"/api/projects/{project.Id()}/members/{Guid.NewGuid()}", new { role = "" });
        using var noProject = await lead.PutAsJsonAsync($"/api/projects/{Guid.NewGuid()}/members/{Guid.NewGuid()}", new { role = "developer" });

        await demoted.EnsureStatusAsync(HttpStatusCode.Conflict);
        await removed.EnsureStatusAsync(HttpStatusCode.Conflict);
        await badRole.AssertRefusedAsync("role");
        await noProject.EnsureStatusAsync(HttpStatusCode.NotFound);
    }
}

public sealed class Member_slices_on_Sqlite(SqliteAlignment fixture) : MemberSlicesTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Member_slices_on_Postgres(PostgresAlignment fixture) : MemberSlicesTests(fixture), IClassFixture<PostgresAlignment>;
