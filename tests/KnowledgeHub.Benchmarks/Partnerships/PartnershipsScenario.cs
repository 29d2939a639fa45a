using System.Diagnostics;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Partnerships;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Partnerships;

/// <summary>
/// Issue 20's scale: the department matrix for a year and a depth-2 systems map over a large
/// <see cref="CollaborationRecord"/>, one request at a time through the module's HTTP API; and how
/// long a new answer takes to be reflected in the record (published → applied).
/// </summary>
internal sealed class PartnershipsScenario(int people, int interactions, int departments, int requests)
{
    public async Task RunAsync(Report report)
    {
        await using var host = await ModuleTestHost.StartAsync(
            PartnershipsModule.Name, DatabaseProvider.Sqlite, builder => builder.AddPartnerships(), app => app.MapPartnerships());
        var codes = await CollaborationRecord.SeedAsync(host.Get<PartnershipsDatabase>(), people, interactions, departments);
        var executive = host.CreateClient(TestUser.Executive("partnerships"));

        var matrix = await MeasureAsync(executive, _ => "/api/partnerships/matrix?from=2026-01-01&to=2026-12-31");
        Console.WriteLine($"  matrix: {matrix}");
        report.Add($"partnership matrix p99 (a year, {departments} departments, {interactions:N0} interactions)", matrix.P99, "ms", "<= 100 ms", matrix.P99 <= 100);

        var map = await MeasureAsync(executive, request => $"/api/systems-map?focus=department:{codes[request % codes.Length]}&depth=2");
        Console.WriteLine($"  systems map, depth 2: {map}");
        report.Add($"systems map p99 (depth 2 around a department, {people:N0} people)", map.P99, "ms", "<= 200 ms", map.P99 <= 200);

        var freshness = await FreshnessAsync(host, Math.Min(requests, 50));
        Console.WriteLine($"  answer published -> in the record: {freshness}");
        report.Add("partnerships freshness p99 (an answer published -> counted)", freshness.P99, "ms", "<= 1 s", freshness.P99 <= 1000);
    }

    private async Task<Latencies> MeasureAsync(HttpClient client, Func<int, string> url)
    {
        var timings = new List<double>();
        for (var request = -20; request < requests; request++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(Math.Max(request, 0)));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (request >= 0)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return new Latencies(timings);
    }

    /// <summary>One answer at a time between two people of different departments, timed until its row is counted.</summary>
    private async Task<Latencies> FreshnessAsync(ModuleTestHost host, int answers)
    {
        var database = host.Get<PartnershipsDatabase>();
        var timings = new List<double>();
        for (var number = 0; number < answers; number++)
        {
            var answerId = Guid.NewGuid();
            var clock = Stopwatch.StartNew();
            await host.PublishAsync(new AnswerPosted(
                answerId, Guid.NewGuid(), Guid.NewGuid(), "open", CollaborationRecord.DeterministicId(1, number), null,
                CollaborationRecord.DeterministicId(1, number + 1), "A new question", [], "An answer", DateTimeOffset.UtcNow));
            await Eventually.AssertAsync(
                async () =>
                {
                    await using var session = await database.OpenSessionAsync();
                    return await session.ScalarAsync<long>("SELECT count(*) FROM interactions WHERE id = @Id AND counted", new { Id = $"answer:{answerId}" }) == 1;
                },
                TimeSpan.FromSeconds(10),
                "the answer to be counted");
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Latencies(timings);
    }
}
