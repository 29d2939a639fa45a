using System.Diagnostics;
using System.Globalization;
using KnowledgeHub.Search.Benchmarks;
using KnowledgeHub.Search.Index.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

// The search benchmark: a generated index of N documents on disk, U concurrent users running a
// mix of queries for S seconds against the Lucene adapter (what GET /api/search runs, without
// HTTP), while a writer measures how long a write takes to become searchable.
//   dotnet run -c Release --project tests/KnowledgeHub.Search.Benchmarks -- [documents] [users] [seconds] [--no-compact]
var documents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;

var folder = Directory.CreateTempSubdirectory("kh-search-benchmark-").FullName;
try
{
    var corpus = new SyntheticCorpus();
    var store = new LuceneIndexStore(folder, TimeProvider.System);
    using var index = (LuceneSearchIndex)await store.OpenLiveAsync(CancellationToken.None);
    var clock = Stopwatch.StartNew();
    var epoch = DateTimeOffset.UtcNow.AddYears(-1);
    for (var number = 0; number < documents; number++)
    {
        await index.UpsertAsync(corpus.Document(number, epoch), CancellationToken.None);
    }

    Console.WriteLine($"indexed {documents:N0} documents in {clock.Elapsed.TotalSeconds:0.0} s");
    if (!args.Contains("--no-compact"))
    {
        // As a rebuild leaves the index before it goes live.
        clock.Restart();
        index.Compact();
        Console.WriteLine($"compacted in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    await index.CommitAsync(CancellationToken.None);
    await index.RefreshAsync(CancellationToken.None);

    var queries = Enumerable.Range(0, 4_000).Select(_ => QueryMix.Next(corpus)).ToArray();
    foreach (var query in queries.Take(2_000))
    {
        await QueryMix.RunAsync(index, query);
    }

    // One user alone first: latency and allocation per kind, without contention.
    foreach (var kind in queries.Select(query => query.Kind).Distinct().Order())
    {
        var ofKind = queries.Where(query => query.Kind == kind).Take(200).ToList();
        var single = new List<double>();
        var allocatedAlone = GC.GetAllocatedBytesForCurrentThread();
        foreach (var query in ofKind)
        {
            var started = Stopwatch.GetTimestamp();
            await QueryMix.RunAsync(index, query);
            single.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Report($"alone: {kind}", single);
        Console.WriteLine($"    {(GC.GetAllocatedBytesForCurrentThread() - allocatedAlone) / ofKind.Count / 1024.0:N1} KiB allocated per query");
    }

    using var maintenance = new LuceneMaintenance(store, TimeProvider.System, NullLogger<LuceneMaintenance>.Instance);
    await maintenance.StartAsync(CancellationToken.None);
    var duration = TimeSpan.FromSeconds(seconds);
    var freshness = Task.Factory.StartNew(() => Freshness.Measure(index, corpus, duration), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var gen2Before = GC.CollectionCount(2);
    clock.Restart();
    // One thread per user: the queries complete synchronously, so users on pool threads would
    // starve the timer that refreshes the index.
    var latencies = await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Factory.StartNew(
        () =>
        {
            var own = new List<(string Kind, double Milliseconds)>();
            var timer = new Stopwatch();
            for (var next = user; clock.Elapsed < duration; next += users)
            {
                var query = queries[next % queries.Length];
                timer.Restart();
                QueryMix.RunAsync(index, query).GetAwaiter().GetResult();
                own.Add((query.Kind, timer.Elapsed.TotalMilliseconds));
            }

            return own;
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default)));
    var elapsed = clock.Elapsed;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var writes = await freshness;
    await maintenance.StopAsync(CancellationToken.None);

    var all = latencies.SelectMany(own => own).ToList();
    Console.WriteLine($"{users} users, {elapsed.TotalSeconds:0.0} s, {all.Count:N0} queries, {all.Count / elapsed.TotalSeconds:N0} queries/s, {allocated / all.Count / 1024.0:N1} KiB allocated per query, {GC.CollectionCount(2) - gen2Before} gen-2 collections");
    Report("all", all.Select(entry => entry.Milliseconds));
    foreach (var kind in all.Select(entry => entry.Kind).Distinct().Order())
    {
        Report(kind, all.Where(entry => entry.Kind == kind).Select(entry => entry.Milliseconds));
    }

    Report("write→searchable", writes);
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void Report(string what, IEnumerable<double> milliseconds)
{
    var sorted = milliseconds.Order().ToArray();
    double At(double percentile) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile * sorted.Length) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-24} n={sorted.Length,7}  p50 {At(0.50),7:0.00} ms  p95 {At(0.95),7:0.00} ms  p99 {At(0.99),7:0.00} ms  max {At(1),7:0.00} ms"));
}
