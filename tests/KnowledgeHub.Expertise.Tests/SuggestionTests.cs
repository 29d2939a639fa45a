using System.Net;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class SuggestionTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task A_question_gets_up_to_five_experts_best_first_never_its_asker()
    {
        var tag = Evidence.UniqueTag();
        var people = new List<TestUser>();
        for (var level = 1; level <= 5; level++)
        {
            var (user, client) = await fixture.PersonAsync($"level{level}");
            await client.PutJsonAsync($"/api/people/me/skills/{tag}", new { level }, HttpStatusCode.OK);
            people.Add(user);
        }

        var (asker, askerClient) = await fixture.PersonAsync("asker");
        await askerClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 5 }, HttpStatusCode.OK);
        var (_, extra) = await fixture.PersonAsync("extra");
        await extra.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 1 }, HttpStatusCode.OK);
        var question = Evidence.Post(asker.Id, "question", "How do we do this?", [tag]);

        await fixture.DeliverAsync(question);

        var suggested = await fixture.Host.Events.WaitForAsync<ExpertsSuggested>(evt => evt.PostId == question.PostId, "the suggestion");
        Assert.Equal(question.CommunityId, suggested.CommunityId);
        Assert.Equal(5, suggested.Experts.Count);
        Assert.DoesNotContain(suggested.Experts, expert => expert.PersonId == asker.Id);
        Assert.Equal(people[4].Id, suggested.Experts[0].PersonId);
        Assert.Equal([$"declares {tag}"], suggested.Experts[0].Reasons);
        Assert.Equal(suggested.Experts.Select(expert => expert.Score).OrderDescending(), suggested.Experts.Select(expert => expert.Score));
    }

    [Fact]
    public async Task Near_equals_take_turns_at_the_top_while_a_clearly_weaker_candidate_never_leads()
    {
        var tag = Evidence.UniqueTag();
        var (first, firstClient) = await fixture.PersonAsync("first");
        var (second, secondClient) = await fixture.PersonAsync("second");
        var (weak, weakClient) = await fixture.PersonAsync("weak");
        await firstClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 5 }, HttpStatusCode.OK);
        await secondClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 5 }, HttpStatusCode.OK);
        await weakClient.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 1 }, HttpStatusCode.OK);
        // Both wrote an article on it; the first's is a day newer: a small lead.
        await fixture.DeliverAsync(Evidence.Post(first.Id, "article", "A small lead", [tag]));
        await fixture.DeliverAsync(Evidence.Post(second.Id, "article", "A small lead", [tag], at: DateTimeOffset.UtcNow.AddDays(-1)));
        var (asker, _) = await fixture.PersonAsync("asker");

        var leaders = new List<Guid>();
        for (var index = 0; index < 6; index++)
        {
            var question = Evidence.Post(asker.Id, "question", $"Question {index}", [tag]);
            await fixture.DeliverAsync(question);
            var suggested = await fixture.Host.Events.WaitForAsync<ExpertsSuggested>(evt => evt.PostId == question.PostId, "the suggestion");
            leaders.Add(suggested.Experts[0].PersonId);
            Assert.Equal(weak.Id, suggested.Experts[^1].PersonId);
        }

        Assert.Equal(first.Id, leaders[0]);
        Assert.Contains(second.Id, leaders);
        Assert.InRange(leaders.Count(leader => leader == first.Id), 2, 4);
    }

    [Fact]
    public async Task A_replayed_question_suggests_nothing_new_but_new_tags_do()
    {
        var (tag, otherTag) = (Evidence.UniqueTag(), Evidence.UniqueTag("other"));
        var (expert, client) = await fixture.PersonAsync("expert");
        await client.PutJsonAsync($"/api/people/me/skills/{tag}", new { level = 4 }, HttpStatusCode.OK);
        await client.PutJsonAsync($"/api/people/me/skills/{otherTag}", new { level = 4 }, HttpStatusCode.OK);
        var (asker, _) = await fixture.PersonAsync("asker");
        var question = Evidence.Post(asker.Id, "question", "Replayed?", [tag]);

        var messageId = await fixture.DeliverAsync(question);
        await fixture.Host.Events.WaitForAsync<ExpertsSuggested>(evt => evt.PostId == question.PostId, "the first suggestion");
        await fixture.DeliverAsync(question, messageId);
        await fixture.DeliverAsync(question);
        await fixture.DeliverAsync(Evidence.Edited(question, tags: [otherTag]));

        // The outbox relays in order: anything the replays had suggested would come before this.
        var renewed = await fixture.Host.Events.WaitForAsync<ExpertsSuggested>(
            evt => evt.PostId == question.PostId && evt.Experts.Single().Reasons.SequenceEqual([$"declares {otherTag}"]), "the new suggestion");
        Assert.Equal(expert.Id, renewed.Experts.Single().PersonId);
        Assert.Equal(2, fixture.Host.Events.OfType<ExpertsSuggested>().Count(evt => evt.PostId == question.PostId));
    }

    [Fact]
    public async Task A_question_without_known_tags_is_matched_by_its_title()
    {
        var skill = $"Flowgrid{Guid.NewGuid():N}"[..14];
        var (expert, client) = await fixture.PersonAsync("expert");
        await client.PutJsonAsync($"/api/people/me/skills/{skill}", new { level = 4 }, HttpStatusCode.OK);
        var (asker, _) = await fixture.PersonAsync("asker");
        var question = Evidence.Post(asker.Id, "question", $"Anyone using {skill.ToLowerInvariant()} in production?", [Evidence.UniqueTag("unknown")]);

        await fixture.DeliverAsync(question);

        var suggested = await fixture.Host.Events.WaitForAsync<ExpertsSuggested>(evt => evt.PostId == question.PostId, "the suggestion");
        Assert.Equal(expert.Id, suggested.Experts.Single().PersonId);
    }
}

public sealed class Suggestions_on_Sqlite(SqliteExpertise fixture) : SuggestionTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Suggestions_on_Postgres(PostgresExpertise fixture) : SuggestionTests(fixture), IClassFixture<PostgresExpertise>;
