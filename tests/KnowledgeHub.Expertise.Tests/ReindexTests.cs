using System.Net;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Expertise.Tests;

public abstract class ReindexTests(ExpertiseFixture fixture)
{
    [Fact]
    public async Task A_reindex_announces_the_count_then_republishes_every_profile_once()
    {
        var (user, client) = await fixture.PersonAsync();
        await client.PutJsonAsync("/api/people/me/skills/k8s", new { level = 3 }, HttpStatusCode.OK);
        var people = (await client.GetJsonAsync("/api/people?limit=100"))["items"]!.AsArray().Count;
        var request = new ReindexRequested(Guid.NewGuid(), DateTimeOffset.UtcNow);

        var messageId = await fixture.DeliverAsync(request);
        await fixture.DeliverAsync(request, messageId);
        await fixture.DeliverAsync(request);

        var started = await fixture.Host.Events.WaitForAsync<ReindexReplayStarted>(evt => evt.ReindexId == request.ReindexId, "the replay announcement");
        Assert.Equal(("expertise", people), (started.Service, started.Total));
        await Eventually.AssertAsync(
            () => Task.FromResult(ReplayOf(request.ReindexId).Count >= people),
            TimeSpan.FromSeconds(10),
            "every profile to be republished");
        var republished = ReplayOf(request.ReindexId);
        Assert.Equal(people, republished.Count);
        Assert.Equal(people, republished.Select(evt => evt.PersonId).Distinct().Count());
        var mine = republished.Single(evt => evt.PersonId == user.Id);
        Assert.Equal(2, mine.Version);
        Assert.Equal(["Kubernetes"], mine.Skills);
        Assert.Single(fixture.Host.Events.OfType<ReindexReplayStarted>(), evt => evt.ReindexId == request.ReindexId);
    }

    private List<PersonProfileChanged> ReplayOf(Guid reindexId) =>
        fixture.Host.Events.OfType<PersonProfileChanged>().Where(evt => evt.ReplayOf == reindexId).ToList();
}

public sealed class Reindex_on_Sqlite(SqliteExpertise fixture) : ReindexTests(fixture), IClassFixture<SqliteExpertise>;

public sealed class Reindex_on_Postgres(PostgresExpertise fixture) : ReindexTests(fixture), IClassFixture<PostgresExpertise>;
