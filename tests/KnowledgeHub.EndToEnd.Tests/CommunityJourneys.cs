using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Communities of practice through the gateway, the same in both topologies: questions answered
/// and accepted, edits that race, closed communities kept from outsiders (also in search), and the
/// membership rules leads rely on.
/// </summary>
public abstract class CommunityJourneys(IHubUnderTest hub)
{
    private readonly string _marker = "zq" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_question_is_answered_accepted_edited_and_deleted()
    {
        hub.SkipIfUnavailable();
        var lead = await SignInAsync("lead", "IT");
        var asker = await SignInAsync("asker", "FIN");
        var community = await lead.PostJsonAsync("/api/communities", Community("open"), HttpStatusCode.Created);
        var communityId = Id(community);
        await asker.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK);

        var question = await asker.PostJsonAsync(
            $"/api/communities/{communityId}/posts",
            new { type = "question", title = $"How do we rotate {_marker} certificates?", body = "Is there a *runbook*?<script>alert(1)</script>", tags = new[] { "security" } },
            HttpStatusCode.Created);
        var answer = await lead.PostJsonAsync($"/api/posts/{Id(question)}/answers", new { body = "Use the **renewal** job." }, HttpStatusCode.Created);
        await asker.PostJsonAsync($"/api/posts/{Id(question)}/accepted-answer", new { answerId = Id(answer) }, HttpStatusCode.OK);
        await lead.PostJsonAsync($"/api/posts/{Id(question)}/reactions", new { kind = "helpful" }, HttpStatusCode.OK);

        var read = await asker.GetJsonAsync($"/api/posts/{Id(question)}");
        Assert.Equal((Id(answer), 1, 1), (read["acceptedAnswerId"]!.GetValue<string>(), read["answerCount"]!.GetValue<int>(), read["reactions"]!.GetValue<int>()));
        Assert.True(read["answers"]![0]!["accepted"]!.GetValue<bool>());
        Assert.DoesNotContain("<script", read["bodyHtml"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await Eventually.AssertAsync(
            async () => Ids(await asker.GetJsonAsync($"/api/search?q={_marker}")).Contains(Id(question)),
            HubFlow.SearchDeadline,
            "search to find the question");

        var edit = new { title = $"How do we rotate {_marker} certificates safely?", body = "Is there a runbook?", tags = new[] { "security" } };
        using var saved = await Put(asker, $"/api/posts/{Id(question)}", edit, "\"1\"");
        using var stale = await Put(lead, $"/api/posts/{Id(question)}", edit, "\"1\"");
        await saved.EnsureStatusAsync(HttpStatusCode.OK);
        await stale.EnsureStatusAsync(HttpStatusCode.PreconditionFailed);

        // The accepted answer is the lead's evidence of knowing security, in the directory.
        await Eventually.AssertAsync(
            async () => (await lead.GetJsonAsync("/api/people/me/evidence?kind=accepted-answer&skill=security"))["items"]!.AsArray().Count == 1,
            HubFlow.SearchDeadline,
            "the accepted answer to count as the lead's evidence");
        await Eventually.AssertAsync(
            async () => Ids(await asker.GetJsonAsync($"/api/search?q=safely+{_marker}")).Contains(Id(question)),
            HubFlow.SearchDeadline,
            "search to find the question by its edited title");

        using var deleted = await asker.DeleteAsync($"/api/posts/{Id(question)}");
        await deleted.EnsureStatusAsync(HttpStatusCode.NoContent);
        using var gone = await lead.GetAsync($"/api/posts/{Id(question)}");
        await gone.EnsureStatusAsync(HttpStatusCode.NotFound);
        await Eventually.AssertAsync(
            async () => !Ids(await asker.GetJsonAsync($"/api/search?q={_marker}")).Contains(Id(question)),
            HubFlow.SearchDeadline,
            "search to forget the deleted question");
    }

    [Fact]
    public async Task A_closed_communitys_posts_reach_only_its_members_also_in_search()
    {
        hub.SkipIfUnavailable();
        var lead = await SignInAsync("lead", "IT");
        var applicant = await SignInAsync("applicant", "HR");
        var community = await lead.PostJsonAsync("/api/communities", Community("closed"), HttpStatusCode.Created);
        var communityId = Id(community);
        var joined = await applicant.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK);
        Assert.Equal("pending", joined["status"]!.GetValue<string>());
        var post = await lead.PostJsonAsync(
            $"/api/communities/{communityId}/posts",
            new { type = "article", title = $"Incident review {_marker}", body = "What went wrong.", tags = new[] { "incidents" } },
            HttpStatusCode.Created);

        await Eventually.AssertAsync(
            async () => Ids(await lead.GetJsonAsync($"/api/search?q={_marker}")).Contains(Id(post)),
            HubFlow.SearchDeadline,
            "the lead to find the post");
        Assert.DoesNotContain(Id(post), Ids(await applicant.GetJsonAsync($"/api/search?q={_marker}")));
        using var hidden = await applicant.GetAsync($"/api/posts/{Id(post)}");
        await hidden.EnsureStatusAsync(HttpStatusCode.NotFound);

        var requests = await lead.GetJsonAsync($"/api/communities/{communityId}/members");
        var applicantId = requests["items"]!.AsArray().Single(member => member!["status"]!.GetValue<string>() == "pending")!["personId"]!.GetValue<string>();
        await lead.PutJsonAsync($"/api/communities/{communityId}/members/{applicantId}", new { role = "member", status = "active" }, HttpStatusCode.OK);

        Assert.Equal(Id(post), Id(await applicant.GetJsonAsync($"/api/posts/{Id(post)}")));
        await Eventually.AssertAsync(
            async () => Ids(await applicant.GetJsonAsync($"/api/search?q={_marker}")).Contains(Id(post)),
            HubFlow.SearchDeadline,
            "the approved member to find the post");
    }

    [Fact]
    public async Task Leads_keep_a_community_led_and_see_its_insights()
    {
        hub.SkipIfUnavailable();
        var lead = await SignInAsync("lead", "IT");
        var member = await SignInAsync("member", "FIN");
        var community = await lead.PostJsonAsync("/api/communities", Community("open"), HttpStatusCode.Created);
        var communityId = Id(community);
        await member.PostJsonAsync($"/api/communities/{communityId}/members", new { }, HttpStatusCode.OK);
        var question = await lead.PostJsonAsync($"/api/communities/{communityId}/posts", new { type = "question", title = "Who owns DNS?", body = "Asking for a friend.", tags = Array.Empty<string>() }, HttpStatusCode.Created);
        await member.PostJsonAsync($"/api/posts/{Id(question)}/answers", new { body = "The network team." }, HttpStatusCode.Created);

        using var lastLead = await lead.DeleteAsync($"/api/communities/{communityId}/members/me");
        await lastLead.EnsureStatusAsync(HttpStatusCode.Conflict);
        using var notForMembers = await member.GetAsync($"/api/communities/{communityId}/insights");
        await notForMembers.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var insights = await lead.GetJsonAsync($"/api/communities/{communityId}/insights");
        Assert.Equal((2, 1, 1.0, 1.0), (insights["members"]!.GetValue<int>(), insights["questions30d"]!.GetValue<int>(), insights["answerRate"]!.GetValue<double>(), insights["crossDepartmentShare"]!.GetValue<double>()));

        using var tooLarge = await member.SendRawAsync(
            HttpMethod.Post,
            $"/api/communities/{communityId}/posts",
            System.Text.Json.JsonSerializer.Serialize(new { type = "article", title = "Huge", body = new string('x', 1024 * 1024), tags = Array.Empty<string>() }));
        await tooLarge.EnsureStatusAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private object Community(string visibility) =>
        new { name = $"{visibility} practice {_marker}", description = "People who care", tags = new[] { "practice" }, visibility };

    private Task<HttpClient> SignInAsync(string name, string department) =>
        new HubFlow(hub.NewClient).SignInAsync($"{name}.{_marker}@example.com", department);

    private static Task<HttpResponseMessage> Put(HttpClient client, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    private static HashSet<string> Ids(JsonNode results) => HubFlow.Ids(results);
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Community_journeys_standalone(StandaloneHubFixture fixture) : CommunityJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Community_journeys_distributed(DistributedHubFixture fixture) : CommunityJourneys(fixture);
