using System.Diagnostics;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>
/// Open-loop load: <c>users</c> virtual users share a fixed total request rate, each request
/// scheduled in advance. Latency counts from the scheduled moment, so a stall that delays later
/// requests shows in their latency instead of hiding (no coordinated omission).
/// </summary>
internal static class FixedRate
{
    public static async Task<Latencies> RunAsync(Func<int, Task> request, int users, double perSecond, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var perUser = await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var samples = new List<double>();
            for (var number = user; ; number += users)
            {
                var scheduled = TimeSpan.FromSeconds(number / perSecond);
                if (scheduled > duration)
                {
                    return samples;
                }

                var wait = scheduled - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await request(number);
                samples.Add((clock.Elapsed - scheduled).TotalMilliseconds);
            }
        })));
        return new Latencies(perUser.SelectMany(samples => samples));
    }
}
