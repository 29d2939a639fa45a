using System.Net;
using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

/// <summary>Ranking by a question's text (ADR 0043): documents of the evidence, tie, recency and activity.</summary>
public abstract class QuestionRankingTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task Leading_one_project_tagged_with_a_topic_does_not_outrank_those_who_answered_questions_on_it()
    {
        var topic = "crm" + Guid.NewGuid().ToString("N")[..8];
        var (lead, client) = await fixture.PersonAsync("project-lead");
        var (answerer, _) = await fixture.PersonAsync("answerer");
        await fixture.DeliverAsync(Evidence.Member(Guid.NewGuid(), lead.Id, $"{topic} rollout", [topic], role: "Lead"));
        foreach (var title in new[] { $"Syncing contacts into {topic}", $"{topic} duplicate accounts", $"Reporting from {topic}" })
        {
            await fixture.DeliverAsync(Evidence.Answer(answerer.Id, Guid.NewGuid(), title, [topic], DateTimeOffset.UtcNow.AddDays(-30)));
        }

        var experts = Ids(await client.GetJsonAsync($"/api/experts?q={Uri.EscapeDataString($"How do I merge duplicate accounts in {topic}?")}"));

        Assert.True(experts.IndexOf(answerer.Id) is >= 0 and var answererAt && answererAt < IndexOrEnd(experts, lead.Id), $"answerer at {experts.IndexOf(answerer.Id)}, lead at {experts.IndexOf(lead.Id)}");
    }

    [Fact]
    public async Task A_history_whose_evidence_is_all_years_old_still_ranks_by_topic_and_explains_it()
    {
        var word = "zv" + Guid.NewGuid().ToString("N")[..8];
        var (expert, client) = await fixture.PersonAsync("old-expert");
        var (other, _) = await fixture.PersonAsync("old-other");
        var longAgo = DateTimeOffset.UtcNow.AddYears(-6);
        // A skill the taxonomy knows: an unknown tag would only be a candidate (ADR 0041) and explain nothing.
        var answer = Evidence.Answer(expert.Id, Guid.NewGuid(), $"Calibrating the {word} sensor", [await fixture.SkillAsync()], longAgo);
        await fixture.DeliverAsync(answer);
        await fixture.DeliverAsync(Evidence.Accepted(answer, longAgo));
        await fixture.DeliverAsync(Evidence.Answer(other.Id, Guid.NewGuid(), "Something else entirely", [Evidence.UniqueTag()], longAgo));

        var experts = await client.GetJsonAsync($"/api/experts?q={Uri.EscapeDataString($"why does my {word} drift?")}&exclude={other.Id}");

        Assert.Equal(expert.Id, Ids(experts)[0]);
        Assert.DoesNotContain(other.Id, Ids(experts));
        var evidence = experts["items"]![0]!["evidence"]![0]!;
        Assert.Equal(("accepted-answer", $"Accepted answer to \"Calibrating the {word} sensor\""), (evidence["kind"]!.GetValue<string>(), evidence["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Many_posts_by_one_person_at_once_each_count_without_a_failed_delivery()
    {
        var word = "qx" + Guid.NewGuid().ToString("N")[..8];
        var (busy, client) = await fixture.PersonAsync("busy-answerer");
        var (other, _) = await fixture.PersonAsync("one-answer");
        // Tags that name no skill: only the documents and the person's activity change, with no evidence row to take the person's lock.
        var posts = Enumerable.Range(0, 40).Select(index => Evidence.Post(busy.Id, "article", $"Tuning {word} number {index}", [Evidence.UniqueTag("tag")])).ToList();
        var ids = await fixture.DeliverAllAsync(posts.Append(Evidence.Post(other.Id, "article", $"Tuning {word} once", [Evidence.UniqueTag("tag")])));

        Assert.All(ids, id => Assert.Null(fixture.Consumed.FaultOf(id)));
        var experts = await client.GetJsonAsync($"/api/experts?q={word}");
        Assert.Equal([busy.Id, other.Id], Ids(experts));
    }

    [Fact]
    public async Task A_question_of_two_thousand_characters_is_taken_and_one_more_is_refused()
    {
        var client = fixture.Host.CreateClient(TestUser.Employee());

        using var taken = await client.GetAsync($"/api/experts?q={new string('a', 2000)}");
        using var refused = await client.GetAsync($"/api/experts?q={new string('a', 2001)}");

        await taken.EnsureStatusAsync(HttpStatusCode.OK);
        await refused.EnsureStatusAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await refused.ReadJsonAsync())["errors"]!["q"]);
    }

    private static int IndexOrEnd(List<Guid> ids, Guid id) => ids.IndexOf(id) is >= 0 and var index ? index : int.MaxValue;

    private static List<Guid> Ids(JsonNode experts) =>
        experts["items"]!.AsArray().Select(item => Guid.Parse(item!["person"]!["id"]!.GetValue<string>())).ToList();
}

public sealed class Question_ranking_on_Sqlite(SqliteExpertise fixture) : QuestionRankingTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Question_ranking_on_Postgres(PostgresExpertise fixture) : QuestionRankingTests(fixture), IClassFixture<PostgresExpertise>;
