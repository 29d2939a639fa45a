using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Messaging;
using KnowledgeHub.Testing;
using MassTransit;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class EvidenceConsumerTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task Articles_resources_and_events_are_evidence_but_questions_are_not()
    {
        var (author, client) = await fixture.PersonAsync();
        var tag = await fixture.SkillAsync();

        foreach (var type in new[] { "article", "resource", "event", "question" })
        {
            await fixture.DeliverAsync(Evidence.Post(author.Id, type, $"A {type} about it", [tag]));
        }

        var evidence = await MineAsync(client, tag);
        Assert.Equal(["Article \"A article about it\"", "Event \"A event about it\"", "Resource \"A resource about it\""], Details(evidence).Order());
        Assert.All(evidence, item => Assert.Equal("post", item["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_redelivered_or_replayed_event_changes_nothing()
    {
        var (author, client) = await fixture.PersonAsync();
        var tag = await fixture.SkillAsync();
        var post = Evidence.Post(author.Id, "article", "Once only", [tag, "kubernetes"]);
        var removedPost = Evidence.Post(author.Id, "article", "Gone", [tag]);
        var answer = Evidence.Answer(author.Id, Guid.NewGuid(), "A question", [tag]);
        var accepted = Evidence.Answer(author.Id, Guid.NewGuid(), "Another question", [tag]);
        var projectId = Guid.NewGuid();
        var leftProject = Guid.NewGuid();
        object[] events =
        [
            post, Evidence.Edited(post, "Once only, edited"), removedPost, Evidence.Removed(removedPost), answer, accepted, Evidence.Accepted(accepted),
            Evidence.Member(projectId, author.Id, "Project", [tag]), Evidence.Project(projectId, "Project renamed", [tag], version: 2),
            Evidence.Member(leftProject, author.Id, "Left", [tag]), new ProjectMemberRemoved(leftProject, author.Id, DateTimeOffset.UtcNow),
        ];

        var ids = await fixture.DeliverAllAsync(events);
        var before = await client.GetJsonAsync("/api/people/me/evidence");
        foreach (var (message, id) in events.Zip(ids))
        {
            await fixture.Host.Get<IBus>().Publish(message, message.GetType(), context => context.MessageId = id);
            await fixture.Consumed.WaitForAsync(id, message.GetType().Name, times: 2);
        }

        await fixture.DeliverAllAsync(events);

        var after = await client.GetJsonAsync("/api/people/me/evidence");
        Assert.Equal(5, after["items"]!.AsArray().Count);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(
            ["accepted-answer", "answer", "post", "post", "project"],
            after["items"]!.AsArray().Select(item => item!["kind"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task An_edited_post_moves_its_evidence_and_an_older_edit_is_ignored()
    {
        var (author, client) = await fixture.PersonAsync();
        var (oldTag, newTag) = (await fixture.SkillAsync("old"), await fixture.SkillAsync("new"));
        var post = Evidence.Post(author.Id, "article", "First title", [oldTag]);
        await fixture.DeliverAsync(post);

        await fixture.DeliverAsync(Evidence.Edited(post, "Second title", [newTag], version: 3));
        await fixture.DeliverAsync(Evidence.Edited(post, "Stale title", [oldTag], version: 2));

        Assert.Empty(await MineAsync(client, oldTag));
        Assert.Equal(["Article \"Second title\""], Details(await MineAsync(client, newTag)));
    }

    [Fact]
    public async Task A_removed_post_takes_its_own_and_its_answers_evidence_and_late_events_bring_nothing_back()
    {
        var (author, authorClient) = await fixture.PersonAsync("author");
        var (answerer, answererClient) = await fixture.PersonAsync("answerer");
        var tag = await fixture.SkillAsync();
        var question = Evidence.Post(author.Id, "question", "Why?", [tag]);
        var article = Evidence.Post(author.Id, "article", "Because", [tag]);
        await fixture.DeliverAsync(question);
        await fixture.DeliverAsync(article);
        await fixture.DeliverAsync(Evidence.Answer(answerer.Id, author.Id, "Why?", [tag], postId: question.PostId));

        await fixture.DeliverAsync(Evidence.Removed(question));
        await fixture.DeliverAsync(Evidence.Removed(article));
        await fixture.DeliverAsync(Evidence.Answer(answerer.Id, author.Id, "Why?", [tag], postId: question.PostId));
        await fixture.DeliverAsync(Evidence.Edited(article, "Revived?", version: 9));

        Assert.Empty(await MineAsync(answererClient, tag));
        Assert.Empty(await MineAsync(authorClient, tag));
    }

    [Fact]
    public async Task Acceptance_upgrades_an_answer_and_a_new_acceptance_downgrades_the_previous_one()
    {
        var (asker, _) = await fixture.PersonAsync("asker");
        var (first, firstClient) = await fixture.PersonAsync("first");
        var (second, secondClient) = await fixture.PersonAsync("second");
        var tag = await fixture.SkillAsync();
        var postId = Guid.NewGuid();
        var firstAnswer = Evidence.Answer(first.Id, asker.Id, "How to?", [tag], postId: postId);
        var secondAnswer = Evidence.Answer(second.Id, asker.Id, "How to?", [tag], postId: postId);
        await fixture.DeliverAsync(firstAnswer);
        await fixture.DeliverAsync(secondAnswer);

        var firstAccepted = DateTimeOffset.UtcNow;
        await fixture.DeliverAsync(Evidence.Accepted(firstAnswer, firstAccepted));
        Assert.Equal("accepted-answer", Kinds(await MineAsync(firstClient, tag)).Single());

        await fixture.DeliverAsync(Evidence.Accepted(secondAnswer, firstAccepted.AddMinutes(5), previous: firstAnswer.AnswerId));
        await fixture.DeliverAsync(Evidence.Accepted(firstAnswer, firstAccepted));

        Assert.Equal("answer", Kinds(await MineAsync(firstClient, tag)).Single());
        var accepted = (await MineAsync(secondClient, tag)).Single();
        Assert.Equal(("accepted-answer", "Accepted answer to \"How to?\""), (accepted["kind"]!.GetValue<string>(), accepted["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_acceptance_that_arrives_before_its_answer_still_counts()
    {
        var (answerer, client) = await fixture.PersonAsync();
        var tag = await fixture.SkillAsync();
        var answer = Evidence.Answer(answerer.Id, Guid.NewGuid(), "Early?", [tag]);

        await fixture.DeliverAsync(Evidence.Accepted(answer));
        await fixture.DeliverAsync(answer);

        Assert.Equal("accepted-answer", Kinds(await MineAsync(client, tag)).Single());
    }

    /// <summary>ADR 0038: a skill, a name and a date from a closed community already tell its secret.</summary>
    [Fact]
    public async Task A_closed_communitys_posts_and_answers_are_no_evidence_and_make_no_skill()
    {
        var (author, client) = await fixture.PersonAsync();
        var tag = await fixture.SkillAsync();

        await fixture.DeliverAsync(Evidence.Post(author.Id, "article", "Secret plans", [tag], visibility: "closed"));
        await fixture.DeliverAsync(Evidence.Answer(author.Id, Guid.NewGuid(), "Secret question", [tag], visibility: "closed"));

        Assert.Empty(await MineAsync(client, tag));
        Assert.Empty((await client.GetJsonAsync($"/api/experts?skill={tag}"))["items"]!.AsArray());
        // The skill exists (an admin made it, ADR 0041); the closed work must not count towards it.
        Assert.Equal(0, (await client.GetJsonAsync($"/api/skills?q={tag}")).AsArray().Single(skill => skill!["name"]!.GetValue<string>() == tag)!["people"]!.GetValue<int>());
    }

    [Fact]
    public async Task Project_membership_follows_the_project_tags_and_ends_with_the_membership()
    {
        var (member, client) = await fixture.PersonAsync();
        var (oldTag, newTag) = (await fixture.SkillAsync("old"), await fixture.SkillAsync("new"));
        var projectId = Guid.NewGuid();
        var assigned = DateTimeOffset.UtcNow.AddDays(-10);
        await fixture.DeliverAsync(Evidence.Member(projectId, member.Id, "Atlas", [oldTag], assigned, role: "Architect"));
        Assert.Equal(["Architect on project \"Atlas\""], Details(await MineAsync(client, oldTag)));

        await fixture.DeliverAsync(Evidence.Project(projectId, "Atlas 2", [newTag], version: 2));
        Assert.Empty(await MineAsync(client, oldTag));
        Assert.Equal(["Architect on project \"Atlas 2\""], Details(await MineAsync(client, newTag)));

        await fixture.DeliverAsync(new ProjectMemberRemoved(projectId, member.Id, DateTimeOffset.UtcNow));
        await fixture.DeliverAsync(Evidence.Member(projectId, member.Id, "Atlas", [newTag], assigned));
        Assert.Empty(await MineAsync(client, newTag));
    }

    [Fact]
    public async Task A_hidden_piece_stays_hidden_when_its_source_is_replayed()
    {
        var (author, client) = await fixture.PersonAsync();
        var tag = await fixture.SkillAsync();
        var post = Evidence.Post(author.Id, "article", "Hide me", [tag]);
        await fixture.DeliverAsync(post);
        var piece = (await MineAsync(client, tag)).Single();

        var hidden = await client.PutJsonAsync($"/api/people/me/evidence/{piece["id"]}", new { hidden = true }, HttpStatusCode.OK);
        await fixture.DeliverAsync(post);
        await fixture.DeliverAsync(Evidence.Edited(post, "Hide me, edited"));

        Assert.True(hidden["hidden"]!.GetValue<bool>());
        var after = (await MineAsync(client, tag)).Single();
        Assert.True(after["hidden"]!.GetValue<bool>());
        Assert.Equal("Article \"Hide me, edited\"", after["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hiding_and_showing_a_piece_announces_its_source_for_other_services()
    {
        var (author, client) = await fixture.PersonAsync();
        var tag = await fixture.SkillAsync();
        var post = Evidence.Post(author.Id, "article", "Announce me", [tag]);
        await fixture.DeliverAsync(post);
        var piece = (await MineAsync(client, tag)).Single();
        var source = $"post:{post.PostId}";

        await client.PutJsonAsync($"/api/people/me/evidence/{piece["id"]}", new { hidden = true }, HttpStatusCode.OK);
        await fixture.Host.Events.WaitForAsync<EvidenceVisibilityChanged>(evt => evt.PersonId == author.Id && evt.Source == source && evt.Hidden, "the source hidden");
        await client.PutJsonAsync($"/api/people/me/evidence/{piece["id"]}", new { hidden = false }, HttpStatusCode.OK);
        await fixture.Host.Events.WaitForAsync<EvidenceVisibilityChanged>(evt => evt.PersonId == author.Id && evt.Source == source && !evt.Hidden, "the source shown again");
    }

    [Fact]
    public async Task Answers_and_acceptances_consumed_with_an_edit_of_their_question_show_the_edit_and_the_acceptance()
    {
        var (asker, _) = await fixture.PersonAsync("asker");
        var (expert, client) = await fixture.PersonAsync("expert");
        var tag = await fixture.SkillAsync();
        var questions = Enumerable.Range(0, 30).Select(index => Evidence.Post(asker.Id, "question", $"Question {index}", [tag])).ToList();
        var answers = questions.Select(question => Evidence.Answer(expert.Id, asker.Id, question.Title, [tag], postId: question.PostId)).ToList();
        await fixture.DeliverAllAsync(questions);

        // In the distributed hub each event type has its own queue, so an answer and an edit of its
        // question (then an acceptance and a second edit) are consumed at the same moment.
        await fixture.DeliverAllAsync(questions.Zip(answers).SelectMany(pair => new object[] { pair.Second, Evidence.Edited(pair.First, $"{pair.First.Title}, edited") }));
        await fixture.DeliverAllAsync(questions.Zip(answers).SelectMany(pair => new object[]
        {
            Evidence.Accepted(pair.Second), Evidence.Edited(pair.First, $"{pair.First.Title}, edited twice", version: 3),
        }));

        var evidence = await MineAsync(client, tag);
        Assert.Equal(questions.Select(question => $"Accepted answer to \"{question.Title}, edited twice\"").Order(), Details(evidence).Order());
        Assert.All(Kinds(evidence), kind => Assert.Equal("accepted-answer", kind));
    }

    [Fact]
    public async Task Members_joining_and_leaving_as_their_project_is_renamed_show_the_new_name_or_nothing()
    {
        var (stayer, client) = await fixture.PersonAsync("stayer");
        var (leaver, leaverClient) = await fixture.PersonAsync("leaver");
        var tag = await fixture.SkillAsync();
        var projects = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        await fixture.DeliverAllAsync(projects.Select(project => Evidence.Member(project, leaver.Id, $"Project {project:N}", [tag])));

        // Joining, leaving and a rename of the project consumed at the same moment (separate queues in the distributed hub).
        await fixture.DeliverAllAsync(projects.SelectMany(project => new object[]
        {
            Evidence.Member(project, stayer.Id, $"Project {project:N}", [tag]),
            new ProjectMemberRemoved(project, leaver.Id, DateTimeOffset.UtcNow),
            Evidence.Project(project, $"Renamed {project:N}", [tag], version: 1),
        }));

        Assert.Equal(projects.Select(project => $"Engineer on project \"Renamed {project:N}\"").Order(), Details(await MineAsync(client, tag)).Order());
        Assert.Empty(await MineAsync(leaverClient, tag));
    }

    [Fact]
    public async Task Nonsense_events_are_refused_and_change_nothing()
    {
        var (author, client) = await fixture.PersonAsync();
        var tag = await fixture.SkillAsync();
        var post = Evidence.Post(author.Id, "article", "Fine", [tag]);

        var noAuthor = await fixture.DeliverAsync(post with { AuthorId = Guid.Empty });
        var badTags = await fixture.DeliverAsync(post with { Tags = [tag, "no,commas"] });
        var noTitle = await fixture.DeliverAsync(Evidence.Answer(author.Id, Guid.NewGuid(), " ", [tag]));

        Assert.All([noAuthor, badTags, noTitle], id => Assert.IsType<InvalidEventException>(fixture.Consumed.FaultOf(id)));
        Assert.Empty(await MineAsync(client, tag));
    }

    [Fact]
    public async Task Someone_else_cannot_see_or_hide_my_evidence()
    {
        var (author, client) = await fixture.PersonAsync();
        var (_, other) = await fixture.PersonAsync("other");
        var tag = await fixture.SkillAsync();
        await fixture.DeliverAsync(Evidence.Post(author.Id, "article", "Mine", [tag]));
        var piece = (await MineAsync(client, tag)).Single();

        using var response = await other.PutAsJsonAsync($"/api/people/me/evidence/{piece["id"]}", new { hidden = true });

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        Assert.Empty(await MineAsync(other, tag));
        Assert.False((await MineAsync(client, tag)).Single()["hidden"]!.GetValue<bool>());
    }

    private static async Task<List<JsonNode>> MineAsync(HttpClient client, string skill) =>
        (await client.GetJsonAsync($"/api/people/me/evidence?skill={skill}&limit=100"))["items"]!.AsArray().Select(item => item!).ToList();

    private static IEnumerable<string> Details(IEnumerable<JsonNode> items) => items.Select(item => item["detail"]!.GetValue<string>());

    private static IEnumerable<string> Kinds(IEnumerable<JsonNode> items) => items.Select(item => item["kind"]!.GetValue<string>());
}

public sealed class Evidence_consumers_on_Sqlite(SqliteExpertise fixture) : EvidenceConsumerTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Evidence_consumers_on_Postgres(PostgresExpertise fixture) : EvidenceConsumerTests(fixture), IClassFixture<PostgresExpertise>;
