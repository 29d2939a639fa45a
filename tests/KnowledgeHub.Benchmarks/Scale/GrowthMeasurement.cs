using System.Diagnostics;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>Times a read one request at a time after a warm-up, and what it allocates.</summary>
internal static class GrowthMeasurement
{
    /// <param name="urls">Cycled through for the warm-up and then for <paramref name="requests"/> timed requests.</param>
    public static async Task<GrowthPoint> MeasureAsync(HttpClient client, string curve, string read, int size, IReadOnlyList<string> urls, int requests, int warmUp)
    {
        for (var request = 0; request < warmUp; request++)
        {
            await client.GetJsonAsync(urls[request % urls.Count]);
        }

        var timings = new List<double>(requests);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var request = 0; request < requests; request++)
        {
            var clock = Stopwatch.StartNew();
            await client.GetJsonAsync(urls[request % urls.Count]);
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)requests / 1024;
        var latencies = new Latencies(timings);
        var point = new GrowthPoint(read, size, latencies.P50, latencies.P99, allocated, Environment.WorkingSet / 1024.0 / 1024);
        Console.WriteLine($"  {curve}: {read} at {size:N0}: {latencies}, {allocated:N0} KB allocated a request, working set {point.WorkingSetMegabytes:N0} MB");
        return point;
    }
}
