using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Distributed;

/// <summary>Scenario 6: PostgreSQL stopped at once (<c>pg_ctlcluster 15 … stop -m immediate</c>) under a stream of writes.</summary>
[Collection(FaultHub.Collection)]
public sealed class Database_outage(FaultHub faults)
{
    /// <summary>"Quickly": a client is told within this, not left waiting for a timeout.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Writes_get_a_quick_503_while_PostgreSQL_is_down_and_every_acknowledged_one_is_found_once_after_it_returns()
    {
        faults.SkipIfUnavailable();
        var marker = FaultHub.NewMarker();
        var (author, communityId) = await faults.NewAuthorWithCommunityAsync(marker);
        var communities = faults.Service("communities");

        var errorsBefore = await ErrorQueueMessagesAsync();
        await using var stream = new WriteStream(author, communityId, marker, pace: TimeSpan.FromMilliseconds(100));
        await stream.UntilAcknowledgedAsync(5, TimeSpan.FromSeconds(30));
        await faults.Postgres.StopImmediatelyAsync();
        // Writes already inside the database when it died may fail any way; count those that start after it is gone.
        var down = DateTime.UtcNow.AddSeconds(1);
        await Eventually.AssertAsync(async () => !await communities.IsReadyAsync(), TimeSpan.FromSeconds(30), "Communities to report not ready while its database is down");
        await Eventually.AssertAsync(() => Task.FromResult(stream.AttemptsSoFar.Count(attempt => attempt.StartedAt > down) >= 10), TimeSpan.FromSeconds(60), "ten writes against the stopped database");
        var up = DateTime.UtcNow;
        await faults.Postgres.StartAgainAsync();
        await faults.UntilAllReadyAsync(TimeSpan.FromSeconds(90));
        await stream.UntilAcknowledgedAsync(stream.Acknowledged + 5, TimeSpan.FromSeconds(60));
        var attempts = await stream.StopAsync();

        var tally = await faults.Audit(author).CheckAsync("6 PostgreSQL stopped -m immediate", marker, communityId, attempts);
        var duringOutage = attempts.Where(attempt => attempt.StartedAt > down && attempt.StartedAt + attempt.Took < up).ToList();
        FaultReport.Note($"6 PostgreSQL stopped: {duringOutage.Count} writes while it was down answered {WriteAttempt.Outcomes(duringOutage)}, slowest in {duringOutage.Max(attempt => attempt.Took).TotalMilliseconds:0} ms");
        tally.AssertNothingLostOrDuplicated();
        // Consumers wait a database outage out; nothing is filed as an error because of it.
        Assert.Equal(errorsBefore, await ErrorQueueMessagesAsync());
        Assert.All(duringOutage, attempt => Assert.True(attempt.Status == HttpStatusCode.ServiceUnavailable && attempt.Took < Quickly, $"{attempt.Title}: {attempt.Status?.ToString() ?? attempt.Failure} after {attempt.Took.TotalMilliseconds:0} ms"));
        Assert.DoesNotContain(attempts, attempt => attempt.Status == HttpStatusCode.InternalServerError);
    }

    private async Task<int> ErrorQueueMessagesAsync() =>
        (await faults.RabbitMq.QueueDepthsAsync()).Where(queue => queue.Key.EndsWith("_error", StringComparison.Ordinal)).Sum(queue => queue.Value);
}
