using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KnowledgeHub.Search;

/// <summary>
/// What operators watch of Search itself: how long the index takes to answer a query, and how big
/// the embedded Lucene index has grown on disk (Elasticsearch reports its own index sizes).
/// </summary>
internal static class SearchTelemetry
{
    public const string Name = "KnowledgeHub.Search";

    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<string, byte> LuceneFolders = new(StringComparer.Ordinal);

    private static readonly Histogram<double> QueryDuration = Meter.CreateHistogram<double>(
        "knowledgehub.search.query.duration", "s", "Time the index takes to answer one search, permissions and facets included.");

    static SearchTelemetry() =>
        Meter.CreateObservableGauge(
            "knowledgehub.search.index.size",
            () => LuceneFolders.IsEmpty ? Array.Empty<Measurement<long>>() : [new Measurement<long>(LuceneFolders.Keys.Sum(FolderBytes))],
            "By",
            "Bytes of the Lucene index on disk, every generation included (a reindex holds two).");

    /// <summary>Records one search that started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordQuery(long startedTimestamp) => QueryDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);

    /// <summary>Reports the size of the Lucene index under <paramref name="folder"/> from now on.</summary>
    public static void ObserveLuceneFolder(string folder) => LuceneFolders.TryAdd(folder, 0);

    private static long FolderBytes(string folder)
    {
        try
        {
            return Directory.Exists(folder)
                ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length)
                : 0;
        }
        catch (IOException)
        {
            // A merge or a retired generation removed files while they were counted; the next reading is whole.
            return 0;
        }
    }
}
