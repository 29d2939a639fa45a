using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.EndToEnd.Tests;

/// <summary>
/// Notifications through the gateway, the same in both topologies: an expert hears of a question
/// routed to them (live, on the stream) and answers it, the asker hears of the answer; leads hear of
/// a request to join and the applicant of their decision; a person mentioned in a post hears of it.
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
        await Eventually.AssertAsync(
            async () =>
            {
                using var followed = await author.PutAsync($"/api/follows/person/{colleagueId}", null);
                return followed.StatusCode == HttpStatusCode.NoContent;
            },
            Deadline,
            "Notifications to know the colleague");
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
