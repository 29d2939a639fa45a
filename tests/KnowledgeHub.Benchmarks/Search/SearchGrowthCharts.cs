using KnowledgeHub.Benchmarks.Scale;
using ScottPlot;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>Search's growth as two pictures against the number of documents (log axis): latency, and memory beside the index's size.</summary>
internal static class SearchGrowthCharts
{
    public static void Draw(IReadOnlyList<SearchGrowthPoint> points, string folder)
    {
        Directory.CreateDirectory(folder);
        var sizes = points.Select(point => point.Documents).ToArray();
        var xs = sizes.Select(size => Math.Log10(size)).ToArray();
        var palette = new ScottPlot.Palettes.Category10();

        var latency = GrowthCharts.NewPlot("search through the gateway: latency as documents grow", "documents", "milliseconds", sizes);
        GrowthCharts.Line(latency, xs, points.Select(point => point.P50).ToArray(), palette.GetColor(0), "p50", LinePattern.Solid);
        GrowthCharts.Line(latency, xs, points.Select(point => point.P99).ToArray(), palette.GetColor(0), "p99", LinePattern.Dashed);
        GrowthCharts.Line(latency, xs, points.Select(point => point.FreshnessP99).ToArray(), palette.GetColor(1), "freshness p99", LinePattern.Dotted);
        GrowthCharts.Save(latency, Path.Combine(folder, "scale-search-latency.png"));

        var memory = GrowthCharts.NewPlot("search: resident memory and index size as documents grow", "documents", "MB", sizes);
        GrowthCharts.Line(memory, xs, points.Select(point => point.ResidentMegabytes).ToArray(), palette.GetColor(0), "hub resident memory", LinePattern.Solid);
        GrowthCharts.Line(memory, xs, points.Select(point => point.IndexMegabytes).ToArray(), palette.GetColor(2), "index on disk", LinePattern.Dashed);
        GrowthCharts.Save(memory, Path.Combine(folder, "scale-search-memory.png"));
    }
}
