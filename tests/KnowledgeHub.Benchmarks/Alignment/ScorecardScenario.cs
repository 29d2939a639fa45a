using System.Diagnostics;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>The executive scorecard over a large <see cref="Portfolio"/>, asked one request at a time.</summary>
internal sealed class ScorecardScenario(int projects, int objectives, int requests)
{
    public async Task RunAsync(Report report)
    {
        await using var host = await Portfolio.StartHostAsync();
        var executive = await Portfolio.SeedAsync(host, projects, objectives);

        var timings = new List<double>();
        for (var request = -20; request < requests; request++)
        {
            var clock = Stopwatch.StartNew();
            await executive.GetJsonAsync($"/api/alignment/scorecard?period={Portfolio.Period}");
            if (request >= 0)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var latencies = new Latencies(timings);
        Console.WriteLine($"  scorecard: {latencies}");
        report.Add($"scorecard p99 ({projects:N0} projects, {objectives:N0} objectives)", latencies.P99, "ms", "<= 100 ms", latencies.P99 <= 100);
    }
}
