using System.Diagnostics;
using System.Globalization;
using KnowledgeHub.Benchmarks.Load;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>
/// Each query of the mix run alone, one after another, timed by kind: what a query costs with no
/// queue in front of it. Beside the latencies under load, it tells work from waiting.
/// </summary>
internal static class ServiceTimes
{
    public static async Task PrintAsync(string where, IEnumerable<QueryMix.Query> queries, Func<QueryMix.Query, Task> run)
    {
        var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var all = new List<double>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            await run(query);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            all.Add(milliseconds);
            (byKind.TryGetValue(query.Kind, out var samples) ? samples : byKind[query.Kind] = []).Add(milliseconds);
        }

        Console.WriteLine($"  {where}, one query at a time: {new Latencies(all)}, mean {all.Average().ToString("0.00", CultureInfo.InvariantCulture)} ms");
        foreach (var (kind, samples) in byKind.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {kind,-10} {samples.Count,4}x mean {samples.Average(),6:0.00} ms, {new Latencies(samples)}"));
        }
    }
}
