using KnowledgeHub.Benchmarks.Load;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>
/// The query mix through a hub's gateway at a fixed rate. A run right after the hub started comes first and
/// is printed but not held against a target: in its first half minute a hub still recompiles its hot methods
/// with the runtime's tiered compiler, and a profile of that run (perf, 200 searches a second at 100,000
/// documents) put 14 % of the hub's CPU on the compiler's thread, taken from the searches on two cores. A hub
/// serves for days; the measured run is the one after.
/// </summary>
internal static class GatewaySearchLoad
{
    public static async Task WarmUpAsync(HttpClient reader, QueryMix.Query[] queries, int users, double perSecond, TimeSpan duration)
    {
        var justStarted = await RunAsync(reader, queries, users, perSecond, duration);
        Console.WriteLine($"  through the gateway at {perSecond}/s, just started (no target): {justStarted}");
    }

    public static Task<Latencies> RunAsync(HttpClient reader, QueryMix.Query[] queries, int users, double perSecond, TimeSpan duration) =>
        FixedRate.RunAsync(number => QueryMix.SendAsync(reader, queries[number % queries.Length]), users, perSecond, duration);
}
