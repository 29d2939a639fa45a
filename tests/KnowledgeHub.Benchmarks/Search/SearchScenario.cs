using System.Diagnostics;
using KnowledgeHub.Benchmarks.Load;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>
/// Search latency, freshness and footprint on a generated index of 100,000 documents: the query
/// mix in-process on the index, then the same queries through a standalone hub process started
/// cold on that index, at the same fixed rate and number of users (measured once it has warmed up:
/// GatewaySearchLoad); then write→searchable time and the process's resident memory.
/// </summary>
internal sealed class SearchScenario(int documents, int users, double perSecond, TimeSpan duration)
{
    public async Task RunAsync(Report report)
    {
        var data = Directory.CreateTempSubdirectory("kh-bench-search-").FullName;
        try
        {
            var corpus = new SyntheticCorpus();
            var queries = Enumerable.Range(0, 4_000).Select(_ => QueryMix.Next(corpus)).Select(QueryMix.AsOutsider).ToArray();
            var inProcess = await MeasureInProcessAsync(Path.Combine(data, "search-index"), corpus, queries);
            report.Add($"search in-process p50 ({users} users, {perSecond}/s)", inProcess.P50, "ms", "-", null);
            report.Add($"search in-process p99 ({users} users, {perSecond}/s)", inProcess.P99, "ms", "-", null);

            await using var hub = Hubs.Standalone(data);
            var cold = Stopwatch.StartNew();
            hub.Start();
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            report.Add($"standalone cold start to ready ({documents:N0} documents)", cold.Elapsed.TotalSeconds, "s", "<= 3 s", cold.Elapsed.TotalSeconds <= 3);

            using var reader = await Hubs.SignInAsync(hub.Url, "bench.reader@example.com", "IT");
            foreach (var query in queries.Take(1_000))
            {
                await QueryMix.SendAsync(reader, query);
            }

            await ServiceTimes.PrintAsync("through the gateway", queries.Take(1_000), query => QueryMix.SendAsync(reader, query));

            await GatewaySearchLoad.WarmUpAsync(reader, queries, users, perSecond, duration);
            var (hubBefore, ownBefore) = (CpuShare.Of(hub.ProcessId!.Value), CpuShare.Of(Environment.ProcessId));
            var gateway = await GatewaySearchLoad.RunAsync(reader, queries, users, perSecond, duration);
            Console.WriteLine($"  through the gateway: {gateway}");
            Console.WriteLine($"    the hub: {CpuShare.Of(hub.ProcessId!.Value).PerRequestSince(hubBefore, gateway.Count)}");
            Console.WriteLine($"    the load generator: {CpuShare.Of(Environment.ProcessId).PerRequestSince(ownBefore, gateway.Count)}");
            report.Add($"search via gateway p99 ({users} users, {perSecond}/s)", gateway.P99, "ms", "<= 15 ms", gateway.P99 <= 15);
            var ratio = gateway.P50 / inProcess.P50;
            report.Add("search gateway p50 / in-process p50", ratio, "x", "<= 3", ratio <= 3);

            var freshness = await Freshness.MeasureAsync(hub.Url, samples: 60);
            report.Add("freshness p99, standalone (201 → found)", freshness.P99, "ms", "<= 1000 ms", freshness.P99 <= 1000);
            var resident = Hubs.ResidentMegabytes(hub.ProcessId!.Value);
            report.Add($"standalone resident memory ({documents:N0} documents, after load)", resident, "MB", "<= 500 MB", resident <= 500);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task<Latencies> MeasureInProcessAsync(string indexPath, SyntheticCorpus corpus, QueryMix.Query[] queries)
    {
        using var index = await SyntheticIndex.BuildAsync(indexPath, corpus, documents);
        foreach (var query in queries.Take(1_000))
        {
            await QueryMix.RunAsync(index, query);
        }

        await ServiceTimes.PrintAsync("in-process", queries.Take(1_000), query => QueryMix.RunAsync(index, query));

        var before = CpuShare.Of(Environment.ProcessId);
        var latencies = await FixedRate.RunAsync(number => QueryMix.RunAsync(index, queries[number % queries.Length]), users, perSecond, duration);
        Console.WriteLine($"  in-process: {latencies}");
        Console.WriteLine($"    this process: {CpuShare.Of(Environment.ProcessId).PerRequestSince(before, latencies.Count)}");
        return latencies;
    }
}
