using System.Diagnostics;
using System.Globalization;
using KnowledgeHub.Search.Index.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>
/// Search as its index grows (issue 22): at each size, a generated index is built, the query mix
/// timed alone in process, then a standalone hub started cold on the index answers the same mix
/// through its gateway at a fixed rate; freshness, resident memory and the index's size on disk
/// follow, and the phrase window is compared on the same index. Drawn into <c>docs/images/scale-search-*.png</c>.
/// </summary>
internal sealed class SearchGrowthScenario(int[] sizes, int users, double perSecond, TimeSpan duration, string pictures, int phraseQueries)
{
    private const int Largest = 1_000_000;

    public async Task RunAsync(Report report)
    {
        var points = new List<SearchGrowthPoint>();
        foreach (var documents in sizes)
        {
            var point = await MeasureAsync(documents, report);
            points.Add(point);
            Add(report, point);
        }

        SearchGrowthCharts.Draw(points, pictures);
    }

    private async Task<SearchGrowthPoint> MeasureAsync(int documents, Report report)
    {
        Console.WriteLine($"  -- {documents:N0} documents");
        var data = Directory.CreateTempSubdirectory("kh-bench-search-growth-").FullName;
        try
        {
            var corpus = new SyntheticCorpus();
            var queries = Enumerable.Range(0, 4_000).Select(_ => QueryMix.Next(corpus)).Select(QueryMix.AsOutsider).ToArray();
            var indexPath = Path.Combine(data, "search-index");
            using (var index = await SyntheticIndex.BuildAsync(indexPath, corpus, documents))
            {
                await ServiceTimes.PrintAsync("in-process", queries.Take(1_000), query => QueryMix.RunAsync(index, query));
                PhraseWindowComparison.Compare(index.Path, corpus, documents, phraseQueries, report);
            }

            // What of a cold start is the index's: opening it again in this process, and its first search.
            var reopen = Stopwatch.StartNew();
            using (var reopened = await new LuceneIndexStore(indexPath, TimeProvider.System, NullLogger<LuceneIndexStore>.Instance).OpenLiveAsync(CancellationToken.None))
            {
                var opened = reopen.Elapsed.TotalSeconds;
                await QueryMix.RunAsync(reopened, queries[0]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  index reopened in {opened:0.00} s, first search answered after {reopen.Elapsed.TotalSeconds:0.00} s"));
            }

            var onDisk = SyntheticIndex.SizeOnDiskMegabytes(indexPath);
            await using var hub = Hubs.Standalone(data);
            var cold = Stopwatch.StartNew();
            hub.Start();
            await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            var coldStart = cold.Elapsed.TotalSeconds;

            using var reader = await Hubs.SignInAsync(hub.Url, "bench.reader@example.com", "IT");
            await ServiceTimes.PrintAsync("through the gateway", queries.Take(1_000), query => QueryMix.SendAsync(reader, query));
            await GatewaySearchLoad.WarmUpAsync(reader, queries, users, perSecond, duration);
            var gateway = await GatewaySearchLoad.RunAsync(reader, queries, users, perSecond, duration);
            Console.WriteLine($"  through the gateway at {perSecond}/s: {gateway}");
            var freshness = await Freshness.MeasureAsync(hub.Url, samples: 30);
            var resident = Hubs.ResidentMegabytes(hub.ProcessId!.Value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  index on disk {onDisk:N0} MB, resident {resident:N0} MB, cold start {coldStart:0.00} s"));
            return new SearchGrowthPoint(documents, gateway.P50, gateway.P99, freshness.P99, resident, onDisk, coldStart);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The issue's targets hold at a million documents; smaller sizes show the curve.</summary>
    private void Add(Report report, SearchGrowthPoint point)
    {
        var size = $"{point.Documents.ToString("N0", CultureInfo.InvariantCulture)} documents";
        var atTarget = point.Documents == Largest;
        report.Add($"search via gateway p50 ({size}, {users} users, {perSecond}/s)", point.P50, "ms", "-", null);
        report.Add($"search via gateway p99 ({size}, {users} users, {perSecond}/s)", point.P99, "ms", atTarget ? "<= 50 ms" : "-", atTarget ? point.P99 <= 50 : null);
        report.Add($"freshness p99 ({size})", point.FreshnessP99, "ms", "<= 1000 ms", point.FreshnessP99 <= 1000);
        report.Add($"standalone resident memory ({size}, after load)", point.ResidentMegabytes, "MB", atTarget ? "<= 1024 MB" : "-", atTarget ? point.ResidentMegabytes <= 1024 : null);
        report.Add($"index on disk ({size})", point.IndexMegabytes, "MB", "-", null);
        report.Add($"standalone cold start to ready ({size})", point.ColdStartSeconds, "s", atTarget ? "<= 5 s" : "-", atTarget ? point.ColdStartSeconds <= 5 : null);
    }
}

/// <summary>What search costs at one size of its index.</summary>
internal sealed record SearchGrowthPoint(int Documents, double P50, double P99, double FreshnessP99, double ResidentMegabytes, double IndexMegabytes, double ColdStartSeconds);
