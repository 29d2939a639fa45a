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
    private static string? _luceneFolder;

    private static readonly Histogram<double> QueryDuration = Meter.CreateHistogram<double>(
        "knowledgehub.search.query.duration", "s", "Time the index takes to answer one search, permissions and facets included.");

    static SearchTelemetry() =>
        Meter.CreateObservableGauge(
            "knowledgehub.search.index.size",
            () => _luceneFolder is { } folder && Directory.Exists(folder) ? [new Measurement<long>(FolderBytes(folder))] : Array.Empty<Measurement<long>>(),
            "By",
            "Bytes of the Lucene index on disk, every generation included (a reindex holds two).");

    /// <summary>Records one search that started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordQuery(long startedTimestamp) => QueryDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);

    /// <summary>Reports the size of the Lucene index under <paramref name="folder"/> from now on.</summary>
    public static void ObserveLuceneFolder(string folder) => _luceneFolder = folder;

    private static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
}
