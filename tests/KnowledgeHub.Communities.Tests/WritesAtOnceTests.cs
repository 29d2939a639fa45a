using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

/// <summary>
/// Writes in one community that arrive together (ADR 0011, 0077): content writes run side by side,
/// yet every count, acceptance chain and visibility an event carries comes out as if they had queued.
/// </summary>
public abstract class WritesAtOnceTests(CommunitiesFixture fixture)
{
    private const int Writers = 12;

    private readonly TestUser _lead = TestUser.Employee("lead-at-once");

    [Fact]
    public async Task Answers_to_one_question_sent_at_once_are_all_counted()
    {
        var (_, members, community) = await ArrangeAsync("open");
        var question = await members[0].PublishAsync(community.Id(), CommunityApi.Question());

        var answers = await Task.WhenAll(members.Select(member => member.AnswerAsync(question.Id())));

        var read = await members[0].GetJsonAsync($"/api/posts/{question.Id()}");
        Assert.Equal(Writers, read["answerCount"]!.GetValue<int>());
        Assert.Equal(answers.Select(CommunityApi.Id).Order(), read["answers"]!.AsArray().Select(answer => answer!.Id()).Order());
    }

    [Fact]
    public async Task Acceptances_sent_at_once_leave_one_accepted_answer_and_an_unbroken_chain_of_events()
    {
        var (lead, members, community) = await ArrangeAsync("open");
        var question = await lead.PublishAsync(community.Id(), CommunityApi.Question());
        var answers = new List<string>();
        foreach (var member in members)
        {
            answers.Add((await member.AnswerAsync(question.Id())).Id());
        }

        var accepted = await Task.WhenAll(answers.Select(answer =>
            lead.PostJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = answer }, HttpStatusCode.OK)));

        var finalAnswer = (await lead.GetJsonAsync($"/api/posts/{question.Id()}"))["acceptedAnswerId"]!.GetValue<string>();
        var events = await WaitForAcceptancesAsync(question.Id(), Writers);
        // Each acceptance names the one before it: followed back from the last, the chain visits every answer once.
        var previousOf = events.ToDictionary(evt => evt.AnswerId, evt => evt.PreviouslyAcceptedAnswerId);
        var chain = new List<Guid>();
        for (Guid? current = Guid.Parse(finalAnswer); current is { } answer; current = previousOf[answer])
        {
            chain.Add(answer);
        }

        Assert.Equal(answers.Order(), chain.Select(id => id.ToString()).Order());
        Assert.Single(accepted, question => question["acceptedAnswerId"]!.GetValue<string>() == finalAnswer);
    }

    [Fact]
    public async Task Posts_written_while_their_community_closes_end_with_events_that_say_closed()
    {
        var (lead, members, community) = await ArrangeAsync("open");
        var closing = new TaskCompletionSource<HttpResponseMessage>();
        // Every member posts one article after another until the community has closed, so posts are in flight throughout the change.
        var posting = members.Select(async member =>
        {
            var written = new List<JsonNode>();
            do
            {
                written.Add(await member.PublishAsync(community.Id(), CommunityApi.Article()));
            }
            while (!closing.Task.IsCompleted);
            return written;
        }).ToList();

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        closing.SetResult(await lead.SendJsonAsync(
            HttpMethod.Put, $"/api/communities/{community.Id()}",
            new { name = community["name"]!.GetValue<string>(), description = "", tags = Array.Empty<string>(), visibility = "closed" }));
        using var closed = await closing.Task;
        var posts = (await Task.WhenAll(posting)).SelectMany(written => written).ToList();

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        // Search keeps the newest version it is sent: whichever commit came first, each post's newest event must say closed.
        await Eventually.AssertAsync(
            () => Task.FromResult(posts.All(post => NewestVisibilityOf(Guid.Parse(post.Id())) == "closed")),
            TimeSpan.FromSeconds(10),
            "every post's newest event to carry the closed visibility");
    }

    private string? NewestVisibilityOf(Guid postId) =>
        fixture.Host.Events.OfType<PostPublished>().Where(evt => evt.PostId == postId).Select(evt => (evt.Version, evt.CommunityVisibility))
            .Concat(fixture.Host.Events.OfType<PostUpdated>().Where(evt => evt.PostId == postId).Select(evt => (evt.Version, evt.CommunityVisibility)))
            .OrderByDescending(evt => evt.Version)
            .Select(evt => evt.CommunityVisibility)
            .FirstOrDefault();

    private Task<List<AnswerAccepted>> WaitForAcceptancesAsync(string questionId, int count) =>
        Eventually.GetAsync(
            () =>
            {
                var events = fixture.Host.Events.OfType<AnswerAccepted>().Where(evt => evt.PostId.ToString() == questionId).ToList();
                return Task.FromResult(events.Count == count ? events : null);
            },
            TimeSpan.FromSeconds(10),
            $"{count} acceptances of {questionId}");

    /// <summary>A community with its lead and <see cref="Writers"/> active members, each with a client of their own.</summary>
    private async Task<(HttpClient Lead, IReadOnlyList<HttpClient> Members, JsonNode Community)> ArrangeAsync(string visibility)
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync(visibility);
        var members = new List<HttpClient>();
        for (var i = 0; i < Writers; i++)
        {
            var member = fixture.Host.CreateClient(TestUser.Employee($"writer-{i}-{Guid.NewGuid():N}"));
            await member.JoinAsync(community.Id());
            members.Add(member);
        }

        return (lead, members, community);
    }
}

public sealed class Writes_at_once_on_Sqlite(SqliteCommunities fixture) : WritesAtOnceTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Writes_at_once_on_Postgres(PostgresCommunities fixture) : WritesAtOnceTests(fixture), IClassFixture<PostgresCommunities>;
