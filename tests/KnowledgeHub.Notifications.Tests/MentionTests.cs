using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Notifications.Tests;

/// <summary>@mentions in posts, edits and answers: by address or its local part, once per text and person, never oneself, never past a closed door.</summary>
public abstract class MentionTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task People_mentioned_in_a_post_its_edit_and_an_answer_are_told_once_each_but_not_the_author_nor_an_ambiguous_handle()
    {
        var (author, jane, bob, carol) = (TestUser.Employee("author"), TestUser.Employee("jane"), TestUser.Employee("bob"), TestUser.Employee("carol"));
        var samA = new TestUser($"sam{Guid.NewGuid():N}"[..11] + "@a.example", "Sam A", "IT", []);
        var samB = samA with { Email = samA.Email.Replace("@a.", "@b.", StringComparison.Ordinal), DisplayName = "Sam B" };
        await fixture.KnowPeopleAsync(author, jane, bob, carol, samA, samB);
        var community = await fixture.KnowCommunityAsync("open", author);
        var post = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var body = $"Thanks @{Local(jane)}, @{bob.Email}. Ask @{Local(samA)} or write to {carol.Email}; signed @{Local(author)}.";

        var published = new PostPublished(post, community, "open", "article", "Certificates", body, ["kubernetes"], author.Id, author.Department, 1, now, now);
        var messageId = await fixture.Host.PublishAsync(published);
        await fixture.Host.PublishAsync(published, messageId);
        await fixture.Host.PublishAsync(new PostUpdated(post, community, "open", "article", "Certificates", body + $" And @{Local(carol)}.", ["kubernetes"], author.Id, author.Department, 2, now, now));
        await fixture.Host.PublishAsync(new AnswerPosted(Guid.NewGuid(), post, community, "open", bob.Id, bob.Department, author.Id, "Certificates", [], $"@{Local(jane)} knows", now));

        var told = await fixture.Host.CreateClient(jane).WaitForAsync("mentioned", 2);
        Assert.Equal(["You were mentioned in an answer to: Certificates", "You were mentioned in: Certificates"], told.Select(item => item.Text("title")).Order());
        Assert.All(told, item => Assert.Equal($"/posts/{post}", item.Text("url")));
        Assert.Single(await fixture.Host.CreateClient(bob).WaitForAsync("mentioned"));
        Assert.Single(await fixture.Host.CreateClient(carol).WaitForAsync("mentioned"));
        Assert.Empty(await fixture.Host.CreateClient(author).OfKindAsync("mentioned"));
        Assert.Empty(await fixture.Host.CreateClient(samA).OfKindAsync("mentioned"));
        Assert.Empty(await fixture.Host.CreateClient(samB).OfKindAsync("mentioned"));
    }

    [Fact]
    public async Task A_mention_in_a_closed_community_reaches_its_members_only()
    {
        var (author, member, outsider) = (TestUser.Employee("author"), TestUser.Employee("member"), TestUser.Employee("outsider"));
        await fixture.KnowPeopleAsync(author, member, outsider);
        var community = await fixture.KnowCommunityAsync("closed", author, member);
        var now = DateTimeOffset.UtcNow;

        await fixture.Host.PublishAsync(new PostPublished(
            Guid.NewGuid(), community, "closed", "question", "Inside only", $"@{Local(outsider)} and @{Local(member)}?", [], author.Id, author.Department, 1, now, now));

        await fixture.Host.CreateClient(member).WaitForAsync("mentioned");
        // Both were in the one event: had the outsider been told, it would be by now.
        Assert.Empty(await fixture.Host.CreateClient(outsider).OfKindAsync("mentioned"));
    }

    private static string Local(TestUser person) => person.Email[..person.Email.IndexOf('@', StringComparison.Ordinal)];
}

public sealed class Mentions_on_Sqlite(SqliteNotifications fixture) : MentionTests(fixture), IClassFixture<SqliteNotifications>;

public sealed class Mentions_on_Postgres(PostgresNotifications fixture) : MentionTests(fixture), IClassFixture<PostgresNotifications>;
