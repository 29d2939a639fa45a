using System.Text.Json.Nodes;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

/// <summary>The Expertise service suggests who could answer a question; the question shows its latest suggestion.</summary>
public abstract class SuggestedExpertsTests(CommunitiesFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly TestUser _lead = TestUser.Employee("lead");

    [Fact]
    public async Task A_question_shows_the_experts_suggested_for_it()
    {
        var (client, question) = await ArrangeAsync(CommunityApi.Question());
        var expert = new ExpertsSuggested.Expert(Guid.NewGuid(), "Grace Hopper", "IT", 0.92, ["accepted answer on kubernetes"]);

        await fixture.Host.PublishAsync(new ExpertsSuggested(Guid.Parse(question.Id()), Guid.Parse(question["communityId"]!.GetValue<string>()), [expert], Noon));

        var experts = await SuggestedAsync(client, question, count: 1);
        Assert.Equal((expert.PersonId.ToString(), "Grace Hopper", "IT"), (experts[0]!["personId"]!.GetValue<string>(), experts[0]!["displayName"]!.GetValue<string>(), experts[0]!["department"]!.GetValue<string>()));
        Assert.Equal("accepted answer on kubernetes", experts[0]!["reasons"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_newer_suggestion_replaces_an_older_one_and_never_the_other_way_round()
    {
        var (client, question) = await ArrangeAsync(CommunityApi.Question());
        var postId = Guid.Parse(question.Id());
        var communityId = Guid.Parse(question["communityId"]!.GetValue<string>());

        await fixture.Host.PublishAsync(new ExpertsSuggested(postId, communityId, [Expert("Old")], Noon));
        await SuggestedAsync(client, question, count: 1);
        await fixture.Host.PublishAsync(new ExpertsSuggested(postId, communityId, [Expert("New one"), Expert("New two")], Noon.AddHours(1)));
        await SuggestedAsync(client, question, count: 2);
        var stale = await fixture.Host.PublishAsync(new ExpertsSuggested(postId, communityId, [Expert("Stale")], Noon.AddMinutes(30)));
        await Eventually.AssertAsync(() => fixture.Host.InboxHasAsync(stale), TimeSpan.FromSeconds(10), "the stale suggestion to be consumed");

        var experts = await SuggestedAsync(client, question, count: 2);
        Assert.Equal(["New one", "New two"], experts.Select(expert => expert!["displayName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_redelivered_suggestion_changes_nothing()
    {
        var (client, question) = await ArrangeAsync(CommunityApi.Question());
        var postId = Guid.Parse(question.Id());
        var communityId = Guid.Parse(question["communityId"]!.GetValue<string>());
        var messageId = await fixture.Host.PublishAsync(new ExpertsSuggested(postId, communityId, [Expert("First")], Noon));
        await SuggestedAsync(client, question, count: 1);

        // The same message again, even with different content, is recognised by its id and skipped.
        await fixture.Host.PublishAsync(new ExpertsSuggested(postId, communityId, [Expert("Redelivered")], Noon.AddDays(1)), messageId);
        var later = await fixture.Host.PublishAsync(new ExpertsSuggested(Guid.NewGuid(), communityId, [Expert("Elsewhere")], Noon));
        await Eventually.AssertAsync(() => fixture.Host.InboxHasAsync(later), TimeSpan.FromSeconds(10), "a later message to be consumed");

        Assert.Equal("First", (await SuggestedAsync(client, question, count: 1))[0]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Articles_carry_no_suggestions()
    {
        var (client, article) = await ArrangeAsync(CommunityApi.Article());

        var consumed = await fixture.Host.PublishAsync(new ExpertsSuggested(Guid.Parse(article.Id()), Guid.Parse(article["communityId"]!.GetValue<string>()), [Expert("Nobody")], Noon));
        await Eventually.AssertAsync(() => fixture.Host.InboxHasAsync(consumed), TimeSpan.FromSeconds(10), "the suggestion to be consumed");

        Assert.Null((await client.GetJsonAsync($"/api/posts/{article.Id()}"))["suggestedExperts"]);
    }

    private static ExpertsSuggested.Expert Expert(string name) => new(Guid.NewGuid(), name, "IT", 0.5, [$"declared skill of {name}"]);

    private async Task<(HttpClient Client, JsonNode Post)> ArrangeAsync(object post)
    {
        var client = fixture.Host.CreateClient(_lead);
        var community = await client.CreateCommunityAsync();
        return (client, await client.PublishAsync(community.Id(), post));
    }

    private static Task<JsonArray> SuggestedAsync(HttpClient client, JsonNode question, int count) =>
        Eventually.GetAsync(
            async () => (await client.GetJsonAsync($"/api/posts/{question.Id()}"))["suggestedExperts"]!.AsArray() is { } experts && experts.Count == count ? experts : null,
            TimeSpan.FromSeconds(10),
            $"{count} suggested experts");
}

public sealed class Suggested_experts_on_Sqlite(SqliteCommunities fixture) : SuggestedExpertsTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Suggested_experts_on_Postgres(PostgresCommunities fixture) : SuggestedExpertsTests(fixture), IClassFixture<PostgresCommunities>;
