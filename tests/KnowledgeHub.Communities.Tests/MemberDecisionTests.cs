using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

/// <summary>A lead declines requests to join and removes members; the list of members filters by status.</summary>
public abstract class MemberDecisionTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");
    private readonly TestUser _applicant = TestUser.Employee("applicant", "FIN");

    [Fact]
    public async Task A_lead_declines_a_request_to_join_and_sees_it_among_the_rejected()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync("closed");
        var applicant = fixture.Host.CreateClient(_applicant);
        Assert.Equal("pending", await applicant.JoinAsync(community.Id()));

        var declined = await lead.PutJsonAsync($"/api/communities/{community.Id()}/members/{_applicant.Id}", new { status = "rejected" }, HttpStatusCode.OK);

        Assert.Equal("rejected", declined["status"]!.GetValue<string>());
        var rejected = await lead.GetJsonAsync($"/api/communities/{community.Id()}/members?status=rejected");
        Assert.Equal([_applicant.Id.ToString()], rejected["items"]!.AsArray().Select(member => member!["personId"]!.GetValue<string>()));
        var pending = await lead.GetJsonAsync($"/api/communities/{community.Id()}/members?status=pending");
        Assert.Empty(pending["items"]!.AsArray());
        using var hidden = await applicant.GetAsync($"/api/communities/{community.Id()}/posts");
        await hidden.EnsureStatusAsync(HttpStatusCode.NotFound);
        await fixture.Host.Events.WaitForAsync<CommunityMembershipChanged>(
            evt => evt.PersonId == _applicant.Id && evt.Status == "left" && evt.Version == 2, "the declined request, announced as no longer a member");
    }

    [Fact]
    public async Task A_request_to_join_is_announced_with_the_leads_and_each_decision_with_who_made_it()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync("closed");
        var applicant = fixture.Host.CreateClient(_applicant);
        await applicant.JoinAsync(community.Id());
        await lead.PutJsonAsync($"/api/communities/{community.Id()}/members/{_applicant.Id}", new { status = "rejected" }, HttpStatusCode.OK);
        await applicant.JoinAsync(community.Id());
        await lead.PutJsonAsync($"/api/communities/{community.Id()}/members/{_applicant.Id}", new { role = "member", status = "active" }, HttpStatusCode.OK);

        var requested = await fixture.Host.Events.WaitForAsync<CommunityJoinRequested>(evt => evt.PersonId == _applicant.Id && evt.Version == 3, "the second request");
        Assert.Equal([_lead.Id], requested.Leads);
        Assert.Equal((community["slug"]!.GetValue<string>(), _applicant.DisplayName), (requested.CommunitySlug, requested.PersonDisplayName));
        await fixture.Host.Events.WaitForAsync<CommunityJoinDecided>(evt => evt.PersonId == _applicant.Id && evt.Approved && evt.Version == 4 && evt.DecidedBy == _lead.Id, "the approval");
        Assert.Equal(
            [(2L, false), (4L, true)],
            fixture.Host.Events.OfType<CommunityJoinDecided>().Where(evt => evt.PersonId == _applicant.Id).Select(evt => (evt.Version, evt.Approved)).Order());
        Assert.Equal([1L, 3L], fixture.Host.Events.OfType<CommunityJoinRequested>().Where(evt => evt.PersonId == _applicant.Id).Select(evt => evt.Version).Order());
    }

    [Fact]
    public async Task A_lead_removes_a_member_whose_posts_stay_and_who_comes_back_only_when_approved()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var member = fixture.Host.CreateClient(_applicant);
        await member.JoinAsync(community.Id());
        var post = await member.PublishAsync(community.Id(), CommunityApi.Article("Stays after I go"));

        using var removed = await lead.DeleteAsync($"/api/communities/{community.Id()}/members/{_applicant.Id}");

        await removed.EnsureStatusAsync(HttpStatusCode.NoContent);
        var active = await lead.GetJsonAsync($"/api/communities/{community.Id()}/members?status=active");
        Assert.DoesNotContain(active["items"]!.AsArray(), item => item!["personId"]!.GetValue<string>() == _applicant.Id.ToString());
        var gone = await lead.GetJsonAsync($"/api/communities/{community.Id()}/members?status=removed");
        Assert.Equal([_applicant.Id.ToString()], gone["items"]!.AsArray().Select(item => item!["personId"]!.GetValue<string>()));
        await lead.GetJsonAsync($"/api/posts/{post.Id()}");
        using var publishing = await member.PostAsJsonAsync($"/api/communities/{community.Id()}/posts", CommunityApi.Question());
        await publishing.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Equal("pending", await member.JoinAsync(community.Id()));
    }

    [Fact]
    public async Task Only_a_lead_removes_or_declines_and_the_last_lead_stays()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var member = fixture.Host.CreateClient(_applicant);
        await member.JoinAsync(community.Id());

        using var byMember = await member.DeleteAsync($"/api/communities/{community.Id()}/members/{_lead.Id}");
        using var lastLead = await lead.DeleteAsync($"/api/communities/{community.Id()}/members/{_lead.Id}");
        using var listRemoved = await member.GetAsync($"/api/communities/{community.Id()}/members?status=removed");
        using var badStatus = await lead.GetAsync($"/api/communities/{community.Id()}/members?status=gone");

        await byMember.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await lastLead.EnsureStatusAsync(HttpStatusCode.Conflict);
        await listRemoved.EnsureStatusAsync(HttpStatusCode.Forbidden);
        await badStatus.EnsureStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_first_request_announces_the_person_so_that_they_exist_everywhere()
    {
        var newcomer = TestUser.Employee("newcomer", "OPS");

        await fixture.Host.CreateClient(newcomer).GetJsonAsync("/api/communities");

        var seen = await fixture.Host.Events.WaitForAsync<PersonSeen>(evt => evt.PersonId == newcomer.Id, "the newcomer announced");
        Assert.Equal((newcomer.Email, "OPS"), (seen.Email, seen.Department));
    }
}

/// <summary>"My questions still waiting": a person's posts across the communities the caller can read.</summary>
public abstract class PostsByAuthorTests(CommunitiesFixture fixture)
{
    [Fact]
    public async Task My_unanswered_questions_across_communities_leave_out_answered_ones_and_closed_communities_I_cannot_read()
    {
        var asker = TestUser.Employee("asker");
        var me = fixture.Host.CreateClient(asker);
        var first = await me.CreateCommunityAsync();
        var second = await me.CreateCommunityAsync();
        var closed = await me.CreateCommunityAsync("closed");
        var waiting = await me.PublishAsync(first.Id(), CommunityApi.Question("Still waiting here"));
        var waitingToo = await me.PublishAsync(second.Id(), CommunityApi.Question("And here"));
        var answered = await me.PublishAsync(first.Id(), CommunityApi.Question("Answered"));
        var secret = await me.PublishAsync(closed.Id(), CommunityApi.Question("Members only"));
        await me.PublishAsync(first.Id(), CommunityApi.Article());
        var answerer = fixture.Host.CreateClient(TestUser.Employee("answerer"));
        await answerer.JoinAsync(first.Id());
        var answer = await answerer.AnswerAsync(answered.Id());

        var mine = await me.GetJsonAsync("/api/posts?author=me&unanswered=true");
        var byId = await answerer.GetJsonAsync($"/api/posts?author={asker.Id}&unanswered=true");

        Assert.Equal(new[] { waitingToo.Id(), waiting.Id(), secret.Id() }.Order(), mine["items"]!.AsArray().Select(post => post!["id"]!.GetValue<string>()).Order());
        Assert.Equal(new[] { waitingToo.Id(), waiting.Id() }.Order(), byId["items"]!.AsArray().Select(post => post!["id"]!.GetValue<string>()).Order());
        Assert.False(string.IsNullOrEmpty(answer["authorName"]?.GetValue<string>()));
    }

    [Fact]
    public async Task The_author_must_be_me_or_a_person_id()
    {
        using var response = await fixture.Host.CreateClient(TestUser.Employee()).GetAsync("/api/posts?author=someone");

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["author"]);
    }
}

public sealed class Member_decisions_on_Sqlite(SqliteCommunities fixture) : MemberDecisionTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Member_decisions_on_Postgres(PostgresCommunities fixture) : MemberDecisionTests(fixture), IClassFixture<PostgresCommunities>;

public sealed class Posts_by_author_on_Sqlite(SqliteCommunities fixture) : PostsByAuthorTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Posts_by_author_on_Postgres(PostgresCommunities fixture) : PostsByAuthorTests(fixture), IClassFixture<PostgresCommunities>;
