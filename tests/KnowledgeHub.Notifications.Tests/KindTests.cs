using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>Each kind written from its event: to whom, what it says, once however often the event comes, never to its actor.</summary>
public abstract class KindTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Suggested_experts_are_told_of_the_question_once_however_often_it_is_suggested()
    {
        var asker = TestUser.Employee("asker");
        var expert = TestUser.Employee("expert");
        var other = TestUser.Employee("other");
        await fixture.KnowPeopleAsync(asker, expert, other);
        var community = await fixture.KnowCommunityAsync("open", asker);
        var question = await PublishQuestionAsync(community, asker, "How do we rotate certificates?");
        var suggestion = new ExpertsSuggested(question, community, [Expert(expert), Expert(asker)], DateTimeOffset.UtcNow);

        var messageId = await fixture.Host.PublishAsync(suggestion);
        await fixture.Host.PublishAsync(suggestion, messageId);
        await fixture.Host.PublishAsync(suggestion with { Experts = [Expert(expert), Expert(other)], SuggestedAt = DateTimeOffset.UtcNow });

        var client = fixture.Host.CreateClient(expert);
        var routed = Assert.Single(await client.WaitForAsync("question-routed"));
        Assert.Equal(("You could answer: How do we rotate certificates?", $"/posts/{question}"), (routed.Text("title"), routed.Text("url")));
        Assert.Equal((asker.Id.ToString(), asker.DisplayName), (routed["actor"]!.Text("id"), routed["actor"]!.Text("displayName")));
        await fixture.Host.CreateClient(other).WaitForAsync("question-routed");
        Assert.Single(await client.OfKindAsync("question-routed"));
        Assert.Empty(await fixture.Host.CreateClient(asker).OfKindAsync("question-routed"));
    }

    [Fact]
    public async Task The_asker_is_told_of_an_answer_but_not_of_their_own()
    {
        var asker = TestUser.Employee("asker");
        var answerer = TestUser.Employee("answerer");
        await fixture.KnowPeopleAsync(asker, answerer);
        var community = await fixture.KnowCommunityAsync("open", asker, answerer);
        var question = await PublishQuestionAsync(community, asker, "Which ingress controller?");

        var answer = Answer(question, community, "open", answerer, asker);
        var messageId = await fixture.Host.PublishAsync(answer);
        await fixture.Host.PublishAsync(answer, messageId);
        await fixture.Host.PublishAsync(Answer(question, community, "open", asker, asker));
        await fixture.Host.PublishAsync(answer with { AnswerId = Guid.NewGuid() });

        var client = fixture.Host.CreateClient(asker);
        var told = await client.WaitForAsync("answer-posted", 2);
        Assert.Equal(2, told.Count);
        Assert.All(told, item => Assert.Equal(answerer.Id.ToString(), item["actor"]!.Text("id")));
        Assert.Equal("New answer to your question: Which ingress controller?", told[0].Text("title"));
    }

    [Fact]
    public async Task An_answer_author_is_told_of_its_acceptance_unless_they_accepted_it_themselves()
    {
        var asker = TestUser.Employee("asker");
        var answerer = TestUser.Employee("answerer");
        var lead = TestUser.Employee("lead");
        await fixture.KnowPeopleAsync(asker, answerer, lead);
        var community = await fixture.KnowCommunityAsync("open", lead, asker, answerer);
        var question = Guid.NewGuid();

        await fixture.Host.PublishAsync(Accepted(question, community, answerer, acceptedBy: asker));
        await fixture.Host.PublishAsync(Accepted(question, community, lead, acceptedBy: lead));

        var told = Assert.Single(await fixture.Host.CreateClient(answerer).WaitForAsync("answer-accepted"));
        Assert.Equal($"/posts/{question}", told.Text("url"));
        await fixture.Host.PublishAsync(Accepted(question, community, asker, acceptedBy: lead));
        await fixture.Host.CreateClient(asker).WaitForAsync("answer-accepted");
        Assert.Empty(await fixture.Host.CreateClient(lead).OfKindAsync("answer-accepted"));
    }

    [Fact]
    public async Task An_endorsed_person_is_told_who_endorsed_them_for_what()
    {
        var endorser = TestUser.Employee("endorser");
        var endorsed = TestUser.Employee("endorsed");
        await fixture.KnowPeopleAsync(endorser, endorsed);

        await fixture.Host.PublishAsync(new EndorsementGiven(Guid.NewGuid(), endorsed.Id, "Kubernetes", endorser.Id, DateTimeOffset.UtcNow));

        var told = Assert.Single(await fixture.Host.CreateClient(endorsed).WaitForAsync("endorsed"));
        Assert.Equal(("You were endorsed for Kubernetes", endorser.DisplayName), (told.Text("title"), told["actor"]!.Text("displayName")));
    }

    [Fact]
    public async Task Leads_are_told_of_a_request_to_join_and_the_applicant_of_each_decision()
    {
        var lead = TestUser.Employee("lead");
        var coLead = TestUser.Employee("colead");
        var applicant = TestUser.Employee("applicant");
        await fixture.KnowPeopleAsync(lead, coLead, applicant);
        var community = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await fixture.Host.PublishAsync(new CommunityJoinRequested(community, "platform", "Platform", applicant.Id, applicant.DisplayName, [lead.Id, coLead.Id], 1, now));
        await fixture.Host.PublishAsync(new CommunityJoinDecided(community, "platform", "Platform", applicant.Id, false, lead.Id, 2, now));
        await fixture.Host.PublishAsync(new CommunityJoinRequested(community, "platform", "Platform", applicant.Id, applicant.DisplayName, [lead.Id, coLead.Id], 3, now));
        // The second decision comes after the first was told (the inbox is newest first by arrival;
        // two events published together may be consumed in either order).
        await fixture.Host.CreateClient(applicant).WaitForAsync("join-decided", 1);
        await fixture.Host.PublishAsync(new CommunityJoinDecided(community, "platform", "Platform", applicant.Id, true, coLead.Id, 4, now));

        var requests = await fixture.Host.CreateClient(lead).WaitForAsync("join-requested", 2);
        Assert.Equal($"{applicant.DisplayName} asks to join Platform", requests[0].Text("title"));
        Assert.Equal("/communities/platform", requests[0].Text("url"));
        await fixture.Host.CreateClient(coLead).WaitForAsync("join-requested", 2);
        var decisions = await fixture.Host.CreateClient(applicant).WaitForAsync("join-decided", 2);
        Assert.Equal(
            ["You are now a member of Platform", "Your request to join Platform was declined"],
            decisions.Select(item => item.Text("title")));
        Assert.Empty(await fixture.Host.CreateClient(applicant).OfKindAsync("join-requested"));
    }

    [Fact]
    public async Task A_closed_community_news_reaches_its_active_members_only()
    {
        var asker = TestUser.Employee("asker");
        var expert = TestUser.Employee("insider");
        var outsider = TestUser.Employee("outsider");
        var leaver = TestUser.Employee("leaver");
        await fixture.KnowPeopleAsync(asker, expert, outsider, leaver);
        var community = await fixture.KnowCommunityAsync("closed", asker, expert, leaver);
        await fixture.Host.PublishAsync(new CommunityMembershipChanged(community, leaver.Id, "member", "left", 2, DateTimeOffset.UtcNow));
        await fixture.UntilAsync("SELECT count(*) FROM memberships WHERE person_id = @Id AND status = 'left'", new { leaver.Id }, 1, "the leaver to have left");
        var question = await PublishQuestionAsync(community, asker, "Inside only", "closed");

        await fixture.Host.PublishAsync(new ExpertsSuggested(question, community, [Expert(outsider), Expert(leaver), Expert(expert)], DateTimeOffset.UtcNow));

        await fixture.Host.CreateClient(expert).WaitForAsync("question-routed");
        // Expertise's suggestion came later than the outsider's and leaver's; had they been told, it would be by now.
        Assert.Empty(await fixture.Host.CreateClient(outsider).OfKindAsync("question-routed"));
        Assert.Empty(await fixture.Host.CreateClient(leaver).OfKindAsync("question-routed"));
    }

    [Fact]
    public async Task A_muted_kind_is_not_written()
    {
        var endorser = TestUser.Employee("endorser");
        var endorsed = TestUser.Employee("endorsed");
        await fixture.KnowPeopleAsync(endorser, endorsed);
        var client = fixture.Host.CreateClient(endorsed);
        await client.PutJsonAsync("/api/notifications/preferences", new { email = new { digest = "off", immediate = Array.Empty<string>() }, muted = new[] { "endorsed" } }, System.Net.HttpStatusCode.OK);

        await fixture.Host.PublishAsync(new EndorsementGiven(Guid.NewGuid(), endorsed.Id, "Kubernetes", endorser.Id, DateTimeOffset.UtcNow));
        await fixture.Host.PublishAsync(Answer(Guid.NewGuid(), await fixture.KnowCommunityAsync("open", endorsed), "open", endorser, endorsed));

        await client.WaitForAsync("answer-posted");
        Assert.Empty(await client.OfKindAsync("endorsed"));
    }

    private async Task<Guid> PublishQuestionAsync(Guid community, TestUser asker, string title, string visibility = "open")
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await fixture.Host.PublishAsync(new PostPublished(id, community, visibility, "question", title, "Body", ["kubernetes"], asker.Id, asker.Department, 1, now, now));
        await fixture.UntilAsync("SELECT count(*) FROM posts WHERE id = @Id", new { Id = id }, 1, "the question");
        return id;
    }

    private static ExpertsSuggested.Expert Expert(TestUser person) => new(person.Id, person.DisplayName, person.Department, 1.0, ["declares kubernetes"]);

    private static AnswerPosted Answer(Guid question, Guid community, string visibility, TestUser author, TestUser asker) =>
        new(Guid.NewGuid(), question, community, visibility, author.Id, author.Department, asker.Id, "Which ingress controller?", ["kubernetes"], "Use nginx.", DateTimeOffset.UtcNow);

    private static AnswerAccepted Accepted(Guid question, Guid community, TestUser answerAuthor, TestUser acceptedBy) =>
        new(Guid.NewGuid(), question, community, answerAuthor.Id, "Which ingress controller?", ["kubernetes"], acceptedBy.Id, null, DateTimeOffset.UtcNow);
}

public sealed class Kinds_on_Sqlite(SqliteNotifications fixture) : KindTests(fixture), IClassFixture<SqliteNotifications>;

public sealed class Kinds_on_Postgres(PostgresNotifications fixture) : KindTests(fixture), IClassFixture<PostgresNotifications>;
