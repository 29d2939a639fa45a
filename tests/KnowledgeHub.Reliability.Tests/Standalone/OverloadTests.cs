using System.Collections.Concurrent;
using System.Net;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Reliability.Tests.Standalone;

/// <summary>
/// Overload: several people each write at twice the rate the gateway allows a person, together
/// more than the hub (SQLite, one writer at a time, on a shared machine) can do. What exceeds a
/// person's limit or the hub's concurrent requests is refused at once with 429 (never a 5xx, never
/// a timeout), answers stay fast, memory stays bounded, and everything accepted is applied and
/// searchable afterwards.
/// </summary>
public sealed class Overload
{
    private const int PermitsPerSecond = 20;
    private const int Burst = 20;
    private const int Writers = 3;
    private const int MaxConcurrentRequests = 8;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task At_twice_the_permitted_rate_the_excess_gets_429_memory_stays_bounded_and_the_backlog_drains()
    {
        await using var hub = new StandaloneProcess(
            ("RateLimiting__PermitsPerSecond", PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RateLimiting__Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("RateLimiting__MaxConcurrentRequests", MaxConcurrentRequests.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await hub.StartAsync();
        var writers = new List<(HttpClient Author, string CommunityId, string Marker)>();
        for (var writer = 0; writer < Writers; writer++)
        {
            var marker = FaultHub.NewMarker();
            var (author, communityId) = await FaultHub.NewAuthorWithCommunityAsync(hub.CreateClient(), marker);
            writers.Add((author, communityId, marker));
        }

        var residentBefore = ResidentMegabytes(hub.Process);
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(hub.Process, sampling.Token);
        var attempts = await Task.WhenAll(writers.Select(writer => WriteAtFixedRateAsync(writer.Author, writer.CommunityId, writer.Marker, 2 * PermitsPerSecond)));
        await sampling.CancelAsync();
        var residentPeak = await peak;

        var all = attempts.SelectMany(list => list).ToList();
        var slowest = all.Max(attempt => attempt.Took);
        FaultReport.Note($"overload: {Writers} people at {2 * PermitsPerSecond}/s each for {Duration.TotalSeconds:0} s (limit {PermitsPerSecond}/s, burst {Burst}, {MaxConcurrentRequests} requests at once): {WriteAttempt.Outcomes(all)}; slowest answer {slowest.TotalMilliseconds:0} ms; resident memory {residentBefore} MB before, peak {residentPeak} MB");
        Assert.All(all, attempt => Assert.True(attempt.Status is HttpStatusCode.Created or HttpStatusCode.TooManyRequests, $"{attempt.Title}: {attempt.Status?.ToString() ?? attempt.Failure}"));
        Assert.Contains(all, attempt => attempt.Status == HttpStatusCode.TooManyRequests);
        Assert.True(slowest < TimeSpan.FromSeconds(10), $"The slowest answer took {slowest.TotalSeconds:0.0} s: work queued instead of being shed.");
        // Accepted per person: at most the burst plus the sustained rate over the time the requests arrived in.
        Assert.All(attempts, list =>
        {
            var arrivals = list.Max(attempt => attempt.StartedAt + attempt.Took) - list.Min(attempt => attempt.StartedAt);
            Assert.InRange(list.Count(attempt => attempt.Acknowledged), 1, Burst + (PermitsPerSecond * Math.Ceiling(arrivals.TotalSeconds + 1)));
        });
        Assert.True(residentPeak < residentBefore + 300, $"Resident memory grew from {residentBefore} MB to {residentPeak} MB under overload.");

        for (var writer = 0; writer < Writers; writer++)
        {
            var tally = await hub.Audit(writers[writer].Author).CheckAsync($"overload, person {writer + 1}", writers[writer].Marker, writers[writer].CommunityId, attempts[writer]);
            tally.AssertNothingLostOrDuplicated();
        }
    }

    /// <summary>Open loop: a write every 1/rate seconds whether or not the previous ones were answered.</summary>
    private static async Task<IReadOnlyList<WriteAttempt>> WriteAtFixedRateAsync(HttpClient author, string communityId, string marker, int perSecond)
    {
        var writes = new ConcurrentBag<Task<WriteAttempt>>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        var until = DateTime.UtcNow + Duration;
        var number = 0;
        while (DateTime.UtcNow < until && await timer.WaitForNextTickAsync())
        {
            writes.Add(WriteAttempt.PostAsync(author, communityId, $"{marker} note {++number}"));
        }

        return await Task.WhenAll(writes);
    }

    private static async Task<long> SamplePeakAsync(HubProcess process, CancellationToken stop)
    {
        long peak = 0;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentMegabytes(process));
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    private static long ResidentMegabytes(HubProcess process)
    {
        var status = File.ReadAllLines($"/proc/{process.ProcessId}/status");
        var kilobytes = status.Single(line => line.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
