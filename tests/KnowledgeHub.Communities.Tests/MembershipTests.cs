using System.Net;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

public abstract class MembershipTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");
    private readonly TestUser _member = TestUser.Employee("member", "FIN");

    [Fact]
    public async Task Leaving_ends_a_membership_and_rejoining_continues_its_versions()
    {
        var community = await fixture.Host.CreateClient(_lead).CreateCommunityAsync();
        var member = fixture.Host.CreateClient(_member);
        await member.JoinAsync(community.Id());

        using var left = await member.DeleteAsync($"/api/communities/{community.Id()}/members/me");
        await left.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(1, (await member.GetJsonAsync($"/api/communities/{community.Id()}"))["memberCount"]!.GetValue<int>());
        Assert.Equal("member", await member.JoinAsync(community.Id()));

        var changes = await Eventually.GetAsync(
            () => Task.FromResult(MembershipChanges(community.Id(), _member.Id) is { Count: 3 } all ? all : null),
            TimeSpan.FromSeconds(10),
            "three membership changes");
        Assert.Equal([("active", 1L), ("left", 2L), ("active", 3L)], changes.Select(change => (change.Status, change.Version)));
    }

    [Fact]
    public async Task Leaving_without_being_a_member_changes_nothing()
    {
        var community = await fixture.Host.CreateClient(_lead).CreateCommunityAsync();
        var outsider = fixture.Host.CreateClient(_member);

        using var response = await outsider.DeleteAsync($"/api/communities/{community.Id()}/members/me");

        await response.EnsureStatusAsync(HttpStatusCode.NoContent);
        // Events leave in order, so once the later join is out, a change from the leave would be too.
        await outsider.JoinAsync(community.Id());
        await fixture.Host.Events.WaitForAsync<CommunityMembershipChanged>(
            evt => evt.PersonId == _member.Id && evt.CommunityId.ToString() == community.Id(), "the join");
        Assert.Equal([("active", 1L)], MembershipChanges(community.Id(), _member.Id).Select(change => (change.Status, change.Version)));
    }

    [Fact]
    public async Task The_last_lead_cannot_leave_until_another_lead_is_named()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        await fixture.Host.CreateClient(_member).JoinAsync(community.Id());

        using var refused = await lead.DeleteAsync($"/api/communities/{community.Id()}/members/me");
        await refused.EnsureStatusAsync(HttpStatusCode.Conflict);
        Assert.Contains("last lead", (await refused.ReadJsonAsync())["title"]!.GetValue<string>());

        await lead.SetMemberAsync(community.Id(), _member.Id, "lead");
        using var left = await lead.DeleteAsync($"/api/communities/{community.Id()}/members/me");
        await left.EnsureStatusAsync(HttpStatusCode.NoContent);
        var leads = (await lead.GetJsonAsync($"/api/communities/{community.Id()}"))["leads"]!.AsArray();
        Assert.Equal([_member.Id.ToString()], leads.Select(person => person!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_lead_steps_down_only_while_another_lead_remains()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        await fixture.Host.CreateClient(_member).JoinAsync(community.Id());
        var url = $"/api/communities/{community.Id()}/members/{_lead.Id}";

        using var refused = await lead.SendJsonAsync(HttpMethod.Put, url, new { role = "member", status = "active" });
        await refused.EnsureStatusAsync(HttpStatusCode.Conflict);

        await lead.SetMemberAsync(community.Id(), _member.Id, "lead");
        var steppedDown = await lead.SetMemberAsync(community.Id(), _lead.Id, "member");
        Assert.Equal("member", steppedDown["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lead_approves_a_pending_applicant_who_can_then_post()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync("closed");
        var applicant = fixture.Host.CreateClient(_member);
        Assert.Equal("pending", await applicant.JoinAsync(community.Id()));

        var requests = await lead.GetJsonAsync($"/api/communities/{community.Id()}/members");
        Assert.Equal(("pending", _member.Id.ToString()), (requests["items"]![0]!["status"]!.GetValue<string>(), requests["items"]![0]!["personId"]!.GetValue<string>()));
        using var hidden = await applicant.GetAsync($"/api/communities/{community.Id()}/members");
        await hidden.EnsureStatusAsync(HttpStatusCode.NotFound);

        var approved = await lead.SetMemberAsync(community.Id(), _member.Id, "member");

        Assert.Equal("active", approved["status"]!.GetValue<string>());
        await applicant.PublishAsync(community.Id(), CommunityApi.Article());
        var change = await fixture.Host.Events.WaitForAsync<CommunityMembershipChanged>(
            evt => evt.PersonId == _member.Id && evt.CommunityId.ToString() == community.Id() && evt.Status == "active", "the approval");
        Assert.Equal(2, change.Version);
    }

    [Fact]
    public async Task Approving_someone_who_never_asked_to_join_is_not_found()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync("closed");

        using var response = await lead.SendJsonAsync(HttpMethod.Put, $"/api/communities/{community.Id()}/members/{_member.Id}", new { role = "member", status = "active" });

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"role":"owner","status":"active"}""", "role")]
    [InlineData("""{"role":"member","status":"left"}""", "status")]
    [InlineData("""{"status":"active"}""", "role")]
    public async Task A_bad_member_change_is_refused_naming_the_field(string body, string field)
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        await fixture.Host.CreateClient(_member).JoinAsync(community.Id());

        using var response = await lead.SendRawAsync(HttpMethod.Put, $"/api/communities/{community.Id()}/members/{_member.Id}", body);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Members_page_leads_first_then_by_name()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var names = new List<string>();
        foreach (var name in new[] { "carol", "alice", "bob" })
        {
            var user = TestUser.Employee(name);
            names.Add(user.DisplayName);
            await fixture.Host.CreateClient(user).JoinAsync(community.Id());
        }

        var first = await lead.GetJsonAsync($"/api/communities/{community.Id()}/members?limit=2");
        var second = await lead.GetJsonAsync($"/api/communities/{community.Id()}/members?limit=2&cursor={first["nextCursor"]}");

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(member => member!["displayName"]!.GetValue<string>());
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase).Prepend(_lead.DisplayName), listed);
        Assert.Null(second["nextCursor"]);
        Assert.Equal("lead", first["items"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("IT", first["items"]![0]!["department"]!.GetValue<string>());
    }

    private List<CommunityMembershipChanged> MembershipChanges(string communityId, Guid personId) =>
        fixture.Host.Events.OfType<CommunityMembershipChanged>()
            .Where(evt => evt.CommunityId.ToString() == communityId && evt.PersonId == personId)
            .OrderBy(evt => evt.Version)
            .ToList();
}

public sealed class Membership_on_Sqlite(SqliteCommunities fixture) : MembershipTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Membership_on_Postgres(PostgresCommunities fixture) : MembershipTests(fixture), IClassFixture<PostgresCommunities>;
