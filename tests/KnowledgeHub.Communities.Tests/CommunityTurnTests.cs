using Dapper;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

/// <summary>
/// The community's turn on PostgreSQL (ADR 0087): a change of the community that waits for the content
/// writes in flight holds off the ones that arrive after it, so a steady stream of posts cannot keep a
/// visibility change waiting. SQLite needs no such test: its write transactions run one at a time.
/// </summary>
public sealed class Community_turn_on_Postgres(PostgresCommunities fixture) : IClassFixture<PostgresCommunities>
{
    [Fact]
    public async Task A_change_waiting_for_a_content_write_holds_off_the_content_writes_that_arrive_after_it()
    {
        var community = await fixture.Host.CreateClient(TestUser.Employee("lead-turn")).CreateCommunityAsync();
        var communityId = Guid.Parse(community.Id());
        var database = fixture.Host.Get<CommunitiesDatabase>();

        await using var inFlight = await database.BeginAsync();
        await CommunityAccess.LockForContentAsync(inFlight, communityId, Guid.NewGuid());
        await using var change = await database.BeginAsync();
        var changePid = await BackendOfAsync(change);
        var changeHasTurn = CommunityAccess.LockAsync(change, communityId, Guid.NewGuid());
        await WaitUntilBlockedAsync(changePid, "the change to wait for the content write in flight");

        await using var later = await database.BeginAsync();
        var laterPid = await BackendOfAsync(later);
        var laterHasTurn = CommunityAccess.LockForContentAsync(later, communityId, Guid.NewGuid());
        await WaitUntilBlockedAsync(laterPid, "the later content write to queue behind the waiting change");

        await inFlight.DisposeAsync();
        await changeHasTurn;
        Assert.False(laterHasTurn.IsCompleted, "the later content write must wait until the change ends");
        await change.DisposeAsync();
        Assert.NotNull(await laterHasTurn);
    }

    private static Task<int> BackendOfAsync(UnitOfWork work) => work.QuerySingleAsync<int>("SELECT pg_backend_pid()");

    private async Task WaitUntilBlockedAsync(int pid, string what) =>
        await Eventually.AssertAsync(
            async () =>
            {
                await using var connection = await fixture.Host.Get<CommunitiesDatabase>().OpenAsync();
                return await connection.ExecuteScalarAsync<string?>(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = @Pid", new { Pid = pid }) == "Lock";
            },
            TimeSpan.FromSeconds(10),
            what);
}
