using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Notifications through the gateway, the same in both topologies: an expert hears of a question
/// routed to them (live, on the stream) and answers it, the asker hears of the answer; leads hear of
/// a request to join and the applicant of their decision; a person mentioned in a post hears of it;
/// an answer's author hears it was accepted; a person hears they were endorsed; followers hear of
/// new posts (a closed community's reaching its members only), of a followed tag's posts, a followed
/// project's status reports and a followed objective's edits; a project's lead hears a status report
/// is due and an objective's owners that a check-in is. Nobody is told of what they did themselves.
/// </summary>
public abstract class NotificationJourneys(IHubUnderTest hub)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _marker = "zn" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task An_expert_is_told_of_a_routed_question_answers_it_and_the_asker_is_told()
    {
        hub.SkipIfUnavailable();
        var skill = $"skill{_marker}";
        var admin = await SignInAsync("admin", "IT", "admin");
        await admin.PutJsonAsync($"/api/skills/{skill}", new { aliases = Array.Empty<string>(), category = "Platform" }, HttpStatusCode.OK);
        var expert = await SignInAsync("expert", "IT");
        await expert.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 5 }, HttpStatusCode.OK);
        var asker = await SignInAsync("asker", "FIN");
        var community = await asker.PostJsonAsync(
            "/api/communities", new { name = $"Notified {_marker}", description = "d", tags = new[] { skill }, visibility = "open" }, HttpStatusCode.Created);
        await expert.PostJsonAsync($"/api/communities/{Id(community)}/members", new { }, HttpStatusCode.OK);
        using var timeout = new CancellationTokenSource(Deadline);
        using var stream = await expert.GetAsync("/api/notifications/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await stream.EnsureStatusAsync(HttpStatusCode.OK);
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));

        var question = await asker.PostJsonAsync(
            $"/api/communities/{Id(community)}/posts",
            new { type = "question", title = $"Who knows {skill}?", body = "We are stuck.", tags = new[] { skill } },
            HttpStatusCode.Created);

        var live = await NextNotificationAsync(events, timeout.Token);
        Assert.Equal(("question-routed", $"/posts/{Id(question)}"), (Text(live, "kind"), Text(live, "url")));
        var routed = await WaitForAsync(expert, "question-routed");
        Assert.Equal(Text(live, "id"), Id(routed));
        await expert.PostJsonAsync($"/api/posts/{Id(question)}/answers", new { body = "Restart it." }, HttpStatusCode.Created);
        var answered = await WaitForAsync(asker, "answer-posted");
        Assert.Equal(($"/posts/{Id(question)}", Id(await expert.GetJsonAsync("/api/people/me"))), (Text(answered, "url"), Id(answered["actor"]!)));
        Assert.True((await asker.GetJsonAsync("/api/notifications/unread-count"))["count"]!.GetValue<long>() >= 1);
        using var read = await asker.PostAsJsonAsync("/api/notifications/read", new { ids = new[] { Id(answered) } });
        await read.EnsureStatusAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain(Id(answered), Ids(await asker.GetJsonAsync("/api/notifications?unread=true")));
        Assert.Empty(await OfKindAsync(expert, "answer-posted"));
    }

    [Fact]
    public async Task Leads_are_told_of_a_request_to_join_and_the_applicant_of_the_decision()
    {
        hub.SkipIfUnavailable();
        var lead = await SignInAsync("lead", "IT");
        var applicant = await SignInAsync("applicant", "HR");
        var community = await lead.PostJsonAsync(
            "/api/communities", new { name = $"Closed {_marker}", description = "d", tags = new[] { "security" }, visibility = "closed" }, HttpStatusCode.Created);

        await applicant.PostJsonAsync($"/api/communities/{Id(community)}/members", new { }, HttpStatusCode.OK);
        var requested = await WaitForAsync(lead, "join-requested");
        var applicantId = Id(requested["actor"]!);
        await lead.PutJsonAsync($"/api/communities/{Id(community)}/members/{applicantId}", new { role = "member", status = "active" }, HttpStatusCode.OK);

        var decided = await WaitForAsync(applicant, "join-decided");
        Assert.Equal($"/communities/{Text(community, "slug")}", Text(decided, "url"));
        Assert.StartsWith("You are now a member of", Text(decided, "title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_mentioned_in_a_post_is_told_but_the_author_not_of_their_own_mention()
    {
        hub.SkipIfUnavailable();
        var author = await SignInAsync("author", "IT");
        var colleague = await SignInAsync("colleague", "HR");
        var colleagueId = Id(await colleague.GetJsonAsync("/api/people/me"));
        await author.GetJsonAsync("/api/people/me");
        // Following answers 404 until Notifications knows the person, and so their address.
        await FollowOnceKnownAsync(author, $"person/{colleagueId}", HttpStatusCode.NoContent);
        var community = await author.PostJsonAsync(
            "/api/communities", new { name = $"Mentions {_marker}", description = "d", tags = new[] { "security" }, visibility = "open" }, HttpStatusCode.Created);

        var post = await author.PostJsonAsync(
            $"/api/communities/{Id(community)}/posts",
            new { type = "article", title = $"Key rotation {_marker}", body = $"@colleague.{_marker} please review; @author.{_marker} wrote it.", tags = new[] { "security" } },
            HttpStatusCode.Created);

        var told = await WaitForAsync(colleague, "mentioned");
        Assert.Equal(($"/posts/{Id(post)}", $"You were mentioned in: Key rotation {_marker}"), (Text(told, "url"), Text(told, "title")));
        Assert.Empty(await OfKindAsync(author, "mentioned"));
    }

    [Fact]
    public async Task An_answers_author_is_told_it_was_accepted_but_the_asker_not_of_their_own_acceptance()
    {
        hub.SkipIfUnavailable();
        var asker = await SignInAsync("asker", "FIN");
        var helper = await SignInAsync("helper", "IT");
        var community = await asker.PostJsonAsync(
            "/api/communities", new { name = $"Accepted {_marker}", description = "d", tags = new[] { "security" }, visibility = "open" }, HttpStatusCode.Created);
        await helper.PostJsonAsync($"/api/communities/{Id(community)}/members", new { }, HttpStatusCode.OK);
        var question = await asker.PostJsonAsync(
            $"/api/communities/{Id(community)}/posts",
            new { type = "question", title = $"How do we rotate keys {_marker}?", body = "Asking for the vault.", tags = new[] { "security" } },
            HttpStatusCode.Created);
        var answer = await helper.PostJsonAsync($"/api/posts/{Id(question)}/answers", new { body = "Every 90 days." }, HttpStatusCode.Created);

        await asker.PostJsonAsync($"/api/posts/{Id(question)}/accepted-answer", new { answerId = Id(answer) }, HttpStatusCode.OK);

        var accepted = await WaitForAsync(helper, "answer-accepted");
        Assert.Equal(
            ($"/posts/{Id(question)}", $"Your answer was accepted: How do we rotate keys {_marker}?", Id(await asker.GetJsonAsync("/api/people/me"))),
            (Text(accepted, "url"), Text(accepted, "title"), Id(accepted["actor"]!)));
        Assert.Empty(await OfKindAsync(asker, "answer-accepted"));
    }

    [Fact]
    public async Task A_person_is_told_a_colleague_endorsed_them_and_the_colleague_is_not()
    {
        hub.SkipIfUnavailable();
        var skill = $"skill{_marker}";
        var admin = await SignInAsync("admin", "IT", "admin");
        await admin.PutJsonAsync($"/api/skills/{skill}", new { aliases = Array.Empty<string>(), category = "Platform" }, HttpStatusCode.OK);
        var expert = await SignInAsync("endorsed", "IT");
        var colleague = await SignInAsync("endorser", "HR");
        var expertId = Id(await expert.GetJsonAsync("/api/people/me"));
        var colleagueId = Id(await colleague.GetJsonAsync("/api/people/me"));
        await expert.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 4 }, HttpStatusCode.OK);

        await colleague.PostJsonAsync($"/api/people/{expertId}/endorsements", new { skill, comment = "Fixed our pipeline" }, HttpStatusCode.Created);

        var endorsed = await WaitForAsync(expert, "endorsed");
        Assert.Equal(($"/people/{expertId}", $"You were endorsed for {skill}", colleagueId), (Text(endorsed, "url"), Text(endorsed, "title"), Id(endorsed["actor"]!)));
        Assert.Empty(await OfKindAsync(colleague, "endorsed"));
    }

    [Fact]
    public async Task Followers_hear_of_a_closed_communitys_post_only_while_members_and_never_of_their_own()
    {
        hub.SkipIfUnavailable();
        var lead = await SignInAsync("lead", "IT");
        var member = await SignInAsync("member", "IT");
        var leaver = await SignInAsync("leaver", "HR");
        var outsider = await SignInAsync("outsider", "FIN");
        var leadId = Id(await lead.GetJsonAsync("/api/people/me"));
        var closed = await lead.PostJsonAsync(
            "/api/communities", new { name = $"Followed {_marker}", description = "d", tags = new[] { "security" }, visibility = "closed" }, HttpStatusCode.Created);
        var open = await lead.PostJsonAsync(
            "/api/communities", new { name = $"Public {_marker}", description = "d", tags = new[] { "security" }, visibility = "open" }, HttpStatusCode.Created);
        foreach (var joiner in new[] { member, leaver })
        {
            await joiner.PostJsonAsync($"/api/communities/{Id(closed)}/members", new { }, HttpStatusCode.OK);
            var joinerId = Id(await joiner.GetJsonAsync("/api/people/me"));
            await lead.PutJsonAsync($"/api/communities/{Id(closed)}/members/{joinerId}", new { role = "member", status = "active" }, HttpStatusCode.OK);
        }

        // Following answers 404 until Notifications knows the community and the membership (or the person).
        foreach (var follower in new[] { lead, member, leaver })
        {
            await FollowOnceKnownAsync(follower, $"community/{Id(closed)}", HttpStatusCode.NoContent);
        }

        await FollowOnceKnownAsync(outsider, $"person/{leadId}", HttpStatusCode.NoContent);
        using var left = await leaver.DeleteAsync($"/api/communities/{Id(closed)}/members/me");
        await left.EnsureStatusAsync(HttpStatusCode.NoContent);
        // Once Notifications knows they left, the closed community is no longer theirs to follow.
        await FollowOnceKnownAsync(leaver, $"community/{Id(closed)}", HttpStatusCode.NotFound);

        var secret = await lead.PostJsonAsync(
            $"/api/communities/{Id(closed)}/posts",
            new { type = "article", title = $"Incident review {_marker}", body = "Members only.", tags = new[] { "security" } },
            HttpStatusCode.Created);
        var announcement = await lead.PostJsonAsync(
            $"/api/communities/{Id(open)}/posts",
            new { type = "article", title = $"Town hall {_marker}", body = "Everyone.", tags = new[] { "security" } },
            HttpStatusCode.Created);

        var told = await WaitForAsync(member, "followed-activity");
        Assert.Equal(($"/posts/{Id(secret)}", $"New article: Incident review {_marker}", leadId), (Text(told, "url"), Text(told, "title"), Id(told["actor"]!)));
        // Fan-out works the posts in order: once the later one reached the outsider, the closed one reached whom it will.
        var announced = await WaitForAsync(outsider, "followed-activity");
        Assert.Equal(($"/posts/{Id(announcement)}", $"New article: Town hall {_marker}"), (Text(announced, "url"), Text(announced, "title")));
        Assert.Single(await OfKindAsync(outsider, "followed-activity"));
        Assert.Empty(await OfKindAsync(leaver, "followed-activity"));
        Assert.Empty(await OfKindAsync(lead, "followed-activity"));
    }

    [Fact]
    public async Task Followers_of_a_tag_a_project_and_an_objective_hear_of_a_tagged_post_a_status_report_and_an_edit()
    {
        hub.SkipIfUnavailable();
        var lead = await SignInAsync("lead", "IT");
        var executive = await SignInAsync("executive", "IT", "executive");
        var follower = await SignInAsync("follower", "FIN");
        await follower.GetJsonAsync("/api/people/me");
        var tag = $"tag-{_marker}";
        var community = await lead.PostJsonAsync(
            "/api/communities", new { name = $"Tagged {_marker}", description = "d", tags = new[] { tag }, visibility = "open" }, HttpStatusCode.Created);
        var project = await CreateProjectAsync(lead, $"Followed project {_marker}", "Watched");
        var now = DateTime.UtcNow;
        object Objective(string title) => new
        {
            title,
            description = "Watched",
            department = "IT",
            period = $"{now.Year:0000}-Q{((now.Month - 1) / 3) + 1}",
            priority = 3,
            keyResults = new[] { new { title = $"Adoption {_marker}", baseline = 0m, target = 100m, current = 10m, unit = "%" } },
        };
        var objective = await executive.PostJsonAsync("/api/objectives", Objective($"Followed objective {_marker}"), HttpStatusCode.Created);

        // Following answers 404 until Notifications heard of the tag, the project and the objective.
        await FollowOnceKnownAsync(follower, $"tag/{tag}", HttpStatusCode.NoContent);
        await FollowOnceKnownAsync(follower, $"project/{Id(project)}", HttpStatusCode.NoContent);
        await FollowOnceKnownAsync(follower, $"objective/{Id(objective)}", HttpStatusCode.NoContent);

        var post = await lead.PostJsonAsync(
            $"/api/communities/{Id(community)}/posts",
            new { type = "article", title = $"Tagged news {_marker}", body = "For the tag's followers.", tags = new[] { tag } },
            HttpStatusCode.Created);
        await lead.PostJsonAsync($"/api/projects/{Id(project)}/status-reports", new { health = "amber", summary = "Slipping" }, HttpStatusCode.Created);
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/objectives/{Id(objective)}")
        {
            Content = JsonContent.Create(Objective($"Followed objective {_marker}, sharpened")),
        };
        edit.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var edited = await executive.SendAsync(edit);
        await edited.EnsureStatusAsync(HttpStatusCode.OK);

        var told = await Eventually.GetAsync(
            async () => await OfKindAsync(follower, "followed-activity") is { Count: 3 } all ? all : null,
            Deadline,
            "three 'followed-activity' notifications");
        Assert.Equal(
            [
                ($"/objectives/{Id(objective)}", $"The objective \"Followed objective {_marker}, sharpened\" was updated"),
                ($"/posts/{Id(post)}", $"New article: Tagged news {_marker}"),
                ($"/projects/{Id(project)}", $"Followed project {_marker} reported its status: amber"),
            ],
            told.Select(notification => (Text(notification, "url"), Text(notification, "title"))).Order());
        Assert.Empty(await OfKindAsync(lead, "followed-activity"));
    }

    [Fact]
    public async Task A_project_lead_is_told_a_status_report_is_due_and_owners_that_a_check_in_is()
    {
        hub.SkipIfUnavailable();
        var lead = await SignInAsync("lead", "IT");
        var owner = await SignInAsync("owner", "IT");
        var executive = await SignInAsync("executive", "IT", "executive");
        var ownerId = Id(await owner.GetJsonAsync("/api/people/me"));
        await lead.GetJsonAsync("/api/people/me");
        await executive.GetJsonAsync("/api/people/me");
        var now = DateTime.UtcNow;
        var project = await CreateProjectAsync(lead, $"Quiet project {_marker}", "Nobody reports");
        // An owner is refused until Alignment has seen them sign in.
        var objective = await Eventually.GetAsync(
            async () =>
            {
                using var created = await executive.PostAsJsonAsync("/api/objectives", new
                {
                    title = $"Quiet objective {_marker}",
                    description = "Nobody checks in",
                    department = "IT",
                    period = $"{now.Year:0000}-Q{((now.Month - 1) / 3) + 1}",
                    priority = 3,
                    owners = new[] { ownerId },
                    keyResults = new[] { new { title = $"Uptime {_marker}", baseline = 90m, target = 99m, current = 95m, unit = "%" } },
                });
                return created.StatusCode == HttpStatusCode.Created ? await created.ReadJsonAsync() : null;
            },
            Deadline,
            "Alignment to know the owner");

        var report = await WaitForAsync(lead, "status-report-due");
        Assert.Equal(($"/projects/{Id(project)}", $"A status report is due for Quiet project {_marker}"), (Text(report, "url"), Text(report, "title")));
        var checkIn = await WaitForAsync(owner, "check-in-due");
        Assert.Equal(
            ($"/objectives/{Id(objective)}", $"A check-in is due for Uptime {_marker} (Quiet objective {_marker})"),
            (Text(checkIn, "url"), Text(checkIn, "title")));
        Assert.Empty(await OfKindAsync(executive, "check-in-due"));
        Assert.Empty(await OfKindAsync(owner, "status-report-due"));
    }

    /// <summary>An active IT project led by <paramref name="lead"/>, running until 2099.</summary>
    private static Task<JsonNode> CreateProjectAsync(HttpClient lead, string name, string description) =>
        AlignmentGateway.CreateOnceDepartmentsAreKnownAsync(lead, "/api/projects", new
        {
            name,
            description,
            sponsorDepartment = "IT",
            partnerDepartments = Array.Empty<string>(),
            tags = new[] { "analytics" },
            budget = new { planned = 1000m, actual = 0m, currency = "EUR" },
            startDate = "2026-01-01",
            endDate = "2099-12-31",
            status = "active",
        });

    private static Task FollowOnceKnownAsync(HttpClient client, string target, HttpStatusCode expected) =>
        Eventually.AssertAsync(
            async () =>
            {
                using var followed = await client.PutAsync($"/api/follows/{target}", null);
                return followed.StatusCode == expected;
            },
            Deadline,
            $"following {target} to answer {(int)expected}");

    private static Task<JsonNode> WaitForAsync(HttpClient client, string kind) =>
        Eventually.GetAsync(async () => (await OfKindAsync(client, kind)).FirstOrDefault(), Deadline, $"a '{kind}' notification");

    private static async Task<IReadOnlyList<JsonNode>> OfKindAsync(HttpClient client, string kind) =>
        (await client.GetJsonAsync("/api/notifications?limit=100"))["items"]!.AsArray().Select(item => item!).Where(item => Text(item, "kind") == kind).ToList();

    /// <summary>The data of the next <c>notification</c> event on a live stream, skipping comments.</summary>
    private static async Task<JsonNode> NextNotificationAsync(StreamReader events, CancellationToken cancellationToken)
    {
        while (await events.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonNode.Parse(line["data: ".Length..])!;
            }
        }

        throw new EndOfStreamException("The stream ended before a notification.");
    }

    private Task<HttpClient> SignInAsync(string name, string department, params string[] roles) =>
        new HubFlow(hub.NewClient).SignInAsync($"{name}.{_marker}@example.com", department, roles);

    private static string Id(JsonNode node) => Text(node, "id");

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();

    private static HashSet<string> Ids(JsonNode page) => page["items"]!.AsArray().Select(item => Id(item!)).ToHashSet();
}

[Collection(StandaloneHubFixture.Collection)]
public sealed class Notification_journeys_standalone(StandaloneHubFixture fixture) : NotificationJourneys(fixture);

[Collection(DistributedHubFixture.Collection)]
public sealed class Notification_journeys_distributed(DistributedHubFixture fixture) : NotificationJourneys(fixture);
