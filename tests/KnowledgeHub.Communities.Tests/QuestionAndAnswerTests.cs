using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

public abstract class QuestionAndAnswerTests(CommunitiesFixture fixture)
{
    private readonly TestUser _lead = TestUser.Employee("lead");
    private readonly TestUser _asker = TestUser.Employee("asker", "FIN");
    private readonly TestUser _answerer = TestUser.Employee("answerer", "HR");

    [Fact]
    public async Task An_answer_is_listed_with_its_question_and_counted()
    {
        var (_, _, answerer, question) = await ArrangeAsync();

        var answer = await answerer.AnswerAsync(question.Id(), "Drain the nodes **first**.");

        Assert.Equal((question.Id(), _answerer.Id.ToString(), false), (answer["postId"]!.GetValue<string>(), answer["authorId"]!.GetValue<string>(), answer["accepted"]!.GetValue<bool>()));
        var read = await answerer.GetJsonAsync($"/api/posts/{question.Id()}");
        Assert.Equal(1, read["answerCount"]!.GetValue<int>());
        Assert.Equal(answer.Id(), read["answers"]![0]!.Id());
        Assert.Contains("<strong>first</strong>", read["answers"]![0]!["bodyHtml"]!.GetValue<string>());
        var posted = await fixture.Host.Events.WaitForAsync<AnswerPosted>(evt => evt.AnswerId.ToString() == answer.Id(), "AnswerPosted");
        Assert.Equal((_asker.Id, "HR", "open"), (posted.QuestionAuthorId, posted.AuthorDepartment, posted.CommunityVisibility));
        Assert.Equal(["kubernetes", "patching"], posted.QuestionTags);
    }

    [Fact]
    public async Task Unanswered_lists_only_questions_nobody_answered_yet()
    {
        var (lead, asker, answerer, answered) = await ArrangeAsync();
        var open = await asker.PublishAsync(answered["communityId"]!.GetValue<string>(), CommunityApi.Question("Still open?"));
        await lead.PublishAsync(answered["communityId"]!.GetValue<string>(), CommunityApi.Article());
        await answerer.AnswerAsync(answered.Id());

        var unanswered = await lead.GetJsonAsync($"/api/communities/{answered["communityId"]}/posts?sort=unanswered");

        Assert.Equal([open.Id()], unanswered["items"]!.AsArray().Select(post => post!.Id()));
    }

    [Fact]
    public async Task The_asker_accepts_an_answer_and_can_move_the_acceptance()
    {
        var (lead, asker, answerer, question) = await ArrangeAsync();
        var first = await answerer.AnswerAsync(question.Id(), "First idea");
        var second = await lead.AnswerAsync(question.Id(), "Better idea");

        var accepted = await asker.PostJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = first.Id() }, HttpStatusCode.OK);
        Assert.Equal(first.Id(), accepted["acceptedAnswerId"]!.GetValue<string>());
        var moved = await asker.PostJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = second.Id() }, HttpStatusCode.OK);

        Assert.Equal(second.Id(), moved["acceptedAnswerId"]!.GetValue<string>());
        Assert.Equal((second.Id(), true), (moved["answers"]![0]!.Id(), moved["answers"]![0]!["accepted"]!.GetValue<bool>()));
        Assert.False(moved["answers"]![1]!["accepted"]!.GetValue<bool>());
        var movedEvent = await fixture.Host.Events.WaitForAsync<AnswerAccepted>(evt => evt.AnswerId.ToString() == second.Id(), "the moved acceptance");
        Assert.Equal((first.Id(), _lead.Id, _asker.Id), (movedEvent.PreviouslyAcceptedAnswerId?.ToString(), movedEvent.AnswerAuthorId, movedEvent.AcceptedBy));
        var firstEvent = fixture.Host.Events.OfType<AnswerAccepted>().Single(evt => evt.AnswerId.ToString() == first.Id());
        Assert.Null(firstEvent.PreviouslyAcceptedAnswerId);
    }

    [Fact]
    public async Task Accepting_the_accepted_answer_again_changes_nothing()
    {
        var (_, asker, answerer, question) = await ArrangeAsync();
        var answer = await answerer.AnswerAsync(question.Id());
        await asker.PostJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = answer.Id() }, HttpStatusCode.OK);

        await asker.PostJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = answer.Id() }, HttpStatusCode.OK);

        // Events leave in order: once a later answer's event is out, a second acceptance would be too.
        var later = await answerer.AnswerAsync(question.Id());
        await fixture.Host.Events.WaitForAsync<AnswerPosted>(evt => evt.AnswerId.ToString() == later.Id(), "the later answer");
        Assert.Single(fixture.Host.Events.OfType<AnswerAccepted>(), evt => evt.PostId.ToString() == question.Id());
    }

    [Fact]
    public async Task Accepting_an_answer_of_another_question_is_refused_and_writes_nothing()
    {
        var (_, asker, answerer, question) = await ArrangeAsync();
        var other = await asker.PublishAsync(question["communityId"]!.GetValue<string>(), CommunityApi.Question("Another question"));
        var elsewhere = await answerer.AnswerAsync(other.Id());

        using var response = await asker.PostAsJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = elsewhere.Id() });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["answerId"]);
        Assert.Null((await asker.GetJsonAsync($"/api/posts/{question.Id()}"))["acceptedAnswerId"]);
    }

    [Fact]
    public async Task Neither_an_answerer_nor_another_member_may_accept_for_the_asker()
    {
        var (_, _, answerer, question) = await ArrangeAsync();
        var answer = await answerer.AnswerAsync(question.Id());

        using var response = await answerer.PostAsJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = answer.Id() });

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_lead_may_accept_an_answer_for_the_asker()
    {
        var (lead, _, answerer, question) = await ArrangeAsync();
        var answer = await answerer.AnswerAsync(question.Id());

        var accepted = await lead.PostJsonAsync($"/api/posts/{question.Id()}/accepted-answer", new { answerId = answer.Id() }, HttpStatusCode.OK);

        Assert.Equal(answer.Id(), accepted["acceptedAnswerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_questions_take_answers()
    {
        var (lead, _, answerer, question) = await ArrangeAsync();
        var article = await lead.PublishAsync(question["communityId"]!.GetValue<string>(), CommunityApi.Article());

        using var response = await answerer.PostAsJsonAsync($"/api/posts/{article.Id()}/answers", new { body = "An answer to an article" });

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await lead.GetJsonAsync($"/api/posts/{article.Id()}"))["answerCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"body":""}""")]
    [InlineData("""{}""")]
    public async Task An_empty_answer_is_refused(string body)
    {
        var (_, _, answerer, question) = await ArrangeAsync();

        using var response = await answerer.SendRawAsync(HttpMethod.Post, $"/api/posts/{question.Id()}/answers", body);

        await response.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["body"]);
    }

    /// <summary>An open community with its lead, an asker and an answerer (both members), and the asker's question.</summary>
    private async Task<(HttpClient Lead, HttpClient Asker, HttpClient Answerer, System.Text.Json.Nodes.JsonNode Question)> ArrangeAsync()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var asker = fixture.Host.CreateClient(_asker);
        var answerer = fixture.Host.CreateClient(_answerer);
        var community = await lead.CreateCommunityAsync();
        await asker.JoinAsync(community.Id());
        await answerer.JoinAsync(community.Id());
        return (lead, asker, answerer, await asker.PublishAsync(community.Id(), CommunityApi.Question()));
    }
}

public sealed class Questions_and_answers_on_Sqlite(SqliteCommunities fixture) : QuestionAndAnswerTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Questions_and_answers_on_Postgres(PostgresCommunities fixture) : QuestionAndAnswerTests(fixture), IClassFixture<PostgresCommunities>;
