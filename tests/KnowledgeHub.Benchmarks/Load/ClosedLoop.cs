using System.Diagnostics;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>Closed-loop load for throughput: each connection sends its next request as soon as the last one answered.</summary>
internal static class ClosedLoop
{
    public static async Task<double> RequestsPerSecondAsync(Func<Task> request, int connections, TimeSpan duration)
    {
        for (var warmup = 0; warmup < 200; warmup++)
        {
            await request();
        }

        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            while (clock.Elapsed < duration)
            {
                await request();
                count++;
            }

            return count;
        })));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}
