using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Testing;
using Xunit;
using static KnowledgeHub.Alignment.Tests.AlignmentApi;

namespace KnowledgeHub.Alignment.Tests;

/// <summary>Objectives are owned jointly by people and departments; owners check in, and the scorecard shows who owns what.</summary>
public abstract class ObjectiveOwnershipTests(AlignmentFixture fixture)
{
    [Fact]
    public async Task A_co_owned_objective_is_checked_in_by_its_owners_and_shown_under_every_owning_department()
    {
        await fixture.KnowDepartmentsAsync("IT", "FIN");
        var executive = fixture.Host.CreateClient(TestUser.Executive());
        var (owner, keyResultOwner, stranger) = (TestUser.Employee("owner"), TestUser.Employee("kr-owner", "FIN"), TestUser.Employee("stranger"));
        await fixture.KnowPeopleAsync(owner, keyResultOwner);
        var created = await executive.CreateObjectiveAsync(new
        {
            title = "Close the books faster",
            description = "Finance and IT together",
            department = "IT",
            period = "2026-H2",
            owners = new[] { owner.Id },
            ownerDepartments = new[] { "fin" },
            keyResults = new[] { new { title = "Days to close", baseline = 10m, target = 4m, current = 10m, unit = "days", owners = new[] { keyResultOwner.Id } } },
        });
        var keyResult = created["keyResults"]![0]!.Id();
        var url = $"/api/objectives/{created.Id()}/key-results/{keyResult}";

        using var byOwner = await fixture.Host.CreateClient(owner).PutAsJsonAsync(url, new { current = 8m });
        using var byKeyResultOwner = await fixture.Host.CreateClient(keyResultOwner).PutAsJsonAsync(url, new { current = 7m });
        using var byStranger = await fixture.Host.CreateClient(stranger).PutAsJsonAsync(url, new { current = 1m });

        await byOwner.EnsureStatusAsync(HttpStatusCode.OK);
        await byKeyResultOwner.EnsureStatusAsync(HttpStatusCode.OK);
        await byStranger.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var objective = await executive.GetJsonAsync($"/api/objectives/{created.Id()}");
        Assert.Equal([owner.Id.ToString()], objective["owners"]!.Items().Select(id => id.GetValue<string>()));
        Assert.Equal(["IT", "FIN"], objective["ownerDepartments"]!.Items().Select(code => code.GetValue<string>()));
        Assert.Equal([keyResultOwner.Id.ToString()], objective["keyResults"]![0]!["owners"]!.Items().Select(id => id.GetValue<string>()));
        Assert.Equal(7m, objective["keyResults"]![0]!["current"]!.GetValue<decimal>());
        await fixture.Host.Events.WaitForAsync<ObjectiveChanged>(
            evt => evt.ObjectiveId.ToString() == created.Id() && evt.OwnerDepartments is ["IT", "FIN"] && evt.Owners is [var only] && only == owner.Id,
            "the objective announced with its owners");

        var scorecard = await executive.GetJsonAsync("/api/alignment/scorecard?period=2026-H2");
        Assert.Equal(1, scorecard["objectives"]!["total"]!.GetValue<int>());
        var unsupported = Assert.Single(scorecard["objectives"]!["unsupported"]!.Items());
        Assert.Equal(["IT", "FIN"], unsupported["ownerDepartments"]!.Items().Select(code => code.GetValue<string>()));
        Assert.Equal(
            [("FIN", 1), ("IT", 1)],
            scorecard["departments"]!.Items().Select(department => (department["code"]!.GetValue<string>(), department["objectives"]!.GetValue<int>())));
    }

    [Fact]
    public async Task Whoever_sets_an_objective_owns_it_unless_owners_are_named_and_owners_must_be_known_people()
    {
        await fixture.KnowDepartmentsAsync("IT");
        var creator = TestUser.Executive();
        var executive = fixture.Host.CreateClient(creator);

        var objective = await executive.CreateObjectiveAsync(Objective("Mine by default", period: "2031-H1"));
        using var noOwners = await executive.PostAsJsonAsync("/api/objectives", new { title = "Nobody's", department = "IT", period = "2026-H2", owners = Array.Empty<Guid>() });
        using var unknownDepartment = await executive.PostAsJsonAsync("/api/objectives", new { title = "Elsewhere", department = "IT", period = "2026-H2", ownerDepartments = new[] { "NOWHERE" } });
        using var nobody = await executive.PostAsJsonAsync("/api/objectives", new { title = "Nobody's either", department = "IT", period = "2026-H2", owners = new[] { Guid.NewGuid() } });
        using var nobodyOnAKeyResult = await executive.PutWithIfMatchAsync(
            $"/api/objectives/{objective.Id()}",
            new { title = "Mine by default", department = "IT", period = "2031-H1", keyResults = new[] { new { title = "Kept", baseline = 0m, target = 1m, unit = "", owners = new[] { Guid.NewGuid() } } } },
            "\"1\"");

        Assert.Equal([creator.Id.ToString()], objective["owners"]!.Items().Select(id => id.GetValue<string>()));
        await noOwners.AssertRefusedAsync("owners");
        await unknownDepartment.AssertRefusedAsync("ownerDepartments");
        await nobody.AssertRefusedAsync("owners");
        Assert.DoesNotContain("Nobody's either", (await executive.GetJsonAsync("/api/objectives?period=2026-H2"))["items"]!.Items().Select(item => item["title"]!.GetValue<string>()));
        await nobodyOnAKeyResult.AssertRefusedAsync("keyResults[0].owners");
        Assert.Equal(
            ["Share of workloads in the cloud"],
            (await executive.GetJsonAsync($"/api/objectives/{objective.Id()}"))["keyResults"]!.Items().Select(keyResult => keyResult["title"]!.GetValue<string>()));
    }
}

public sealed class Objective_ownership_on_Sqlite(SqliteAlignment fixture) : ObjectiveOwnershipTests(fixture), IClassFixture<SqliteAlignment>;

public sealed class Objective_ownership_on_Postgres(PostgresAlignment fixture) : ObjectiveOwnershipTests(fixture), IClassFixture<PostgresAlignment>;
