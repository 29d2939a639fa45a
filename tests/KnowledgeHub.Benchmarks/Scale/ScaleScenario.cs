using System.Globalization;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// One growth curve on PostgreSQL (issue 23, "cost as work grows"): measured, drawn into
/// <c>docs/images/</c>, and each point added to the report's table.
/// </summary>
internal sealed class ScaleScenario(IGrowthCurve curve, GrowthRun run, string pictures)
{
    public async Task RunAsync(Report report)
    {
        var points = await curve.RunAsync(run);
        GrowthCharts.Draw(points, curve.Name, curve.SizeUnit, pictures, $"scale-{curve.Name.Replace(' ', '-')}");
        foreach (var point in points)
        {
            report.Add(new Figure(
                $"{curve.Name}: {point.Read}, {point.Size.ToString("N0", CultureInfo.InvariantCulture)} {curve.SizeUnit}",
                string.Create(CultureInfo.InvariantCulture, $"p50 {point.P50:0.0} ms, p99 {point.P99:0.0} ms, {point.AllocatedKilobytes:N0} KB/request, working set {point.WorkingSetMegabytes:N0} MB"),
                "-",
                Met: null));
        }
    }
}
