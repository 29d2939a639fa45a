using System.Globalization;
using ScottPlot;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// Draws a curve's points as two pictures: latency (p50 solid, p99 dashed) and memory allocated per
/// request, each against the size on a log axis, so a constant cost is flat, a logarithmic one a
/// straight rising line and a linear one bends upward.
/// </summary>
internal static class GrowthCharts
{
    public static void Draw(IReadOnlyList<GrowthPoint> points, string curve, string sizeUnit, string folder, string fileStem)
    {
        Directory.CreateDirectory(folder);
        var reads = points.GroupBy(point => point.Read).ToList();
        var sizes = points.Select(point => point.Size).Distinct().Order().ToArray();

        var latency = NewPlot($"{curve}: latency as {sizeUnit} grow", sizeUnit, "milliseconds", sizes);
        var memory = NewPlot($"{curve}: memory allocated per request as {sizeUnit} grow", sizeUnit, "KB per request", sizes);
        var palette = new ScottPlot.Palettes.Category10();
        for (var index = 0; index < reads.Count; index++)
        {
            var read = reads[index].OrderBy(point => point.Size).ToList();
            var xs = read.Select(point => Math.Log10(point.Size)).ToArray();
            var color = palette.GetColor(index);
            Line(latency, xs, read.Select(point => point.P50).ToArray(), color, $"{read[0].Read} p50", LinePattern.Solid);
            Line(latency, xs, read.Select(point => point.P99).ToArray(), color, $"{read[0].Read} p99", LinePattern.Dashed);
            Line(memory, xs, read.Select(point => point.AllocatedKilobytes).ToArray(), color, read[0].Read, LinePattern.Solid);
        }

        Save(latency, Path.Combine(folder, $"{fileStem}-latency.png"));
        Save(memory, Path.Combine(folder, $"{fileStem}-memory.png"));
    }

    /// <summary>Saves a picture with its y axis from zero up, so that the height of a point is its cost, not its distance from the cheapest.</summary>
    public static void Save(Plot plot, string path)
    {
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
        plot.SavePng(path, 1000, 540);
        Console.WriteLine($"  drew {path}");
    }

    public static Plot NewPlot(string title, string sizeUnit, string yLabel, int[] sizes)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel($"{sizeUnit} (log scale)");
        plot.YLabel(yLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            sizes.Select(size => Math.Log10(size)).ToArray(),
            sizes.Select(size => size.ToString("N0", CultureInfo.InvariantCulture)).ToArray());
        // Beside the plot, not over it: the points of a flat curve sit wherever a legend inside would.
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    public static void Line(Plot plot, double[] xs, double[] ys, Color color, string legend, LinePattern pattern)
    {
        var line = plot.Add.Scatter(xs, ys, color);
        line.LegendText = legend;
        line.LinePattern = pattern;
        line.LineWidth = 2;
        line.MarkerSize = 7;
    }
}
