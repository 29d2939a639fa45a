using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KnowledgeHub.Alignment;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>Runs <see cref="DataAccessBenchmarks"/> with BenchmarkDotNet, in process, on a seeded portfolio; reports the worst Dapper/ADO.NET ratio.</summary>
internal sealed class DataAccessScenario(int projects, bool quick)
{
    public async Task RunAsync(Report report)
    {
        await using var host = await Portfolio.StartHostAsync();
        await Portfolio.SeedAsync(host, projects, objectives: projects / 10);
        DataAccessBenchmarks.ConnectionString = host.Get<AlignmentDatabase>().Settings.ConnectionString;

        // ShortRun's three iterations left a 99.9 % margin of 60 to 290 % of the mean on this shared
        // machine, wider than the difference measured: twenty iterations decide it.
        var job = (quick ? Job.Dry : Job.Default.WithWarmupCount(5).WithIterationCount(20)).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateMinimumViable().AddJob(job).AddLogger(NullLogger.Instance).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<DataAccessBenchmarks>(config);
        var worst = 0.0;
        foreach (var pair in summary.Reports.GroupBy(run => run.BenchmarkCase.Descriptor.Categories.Single()))
        {
            var ado = pair.Single(run => run.BenchmarkCase.Descriptor.Baseline);
            var dapper = pair.Single(run => !run.BenchmarkCase.Descriptor.Baseline);
            var ratio = dapper.ResultStatistics!.Median / ado.ResultStatistics!.Median;
            // Other work on a shared machine only adds time: the fastest iterations show the cost with the least of it.
            var fastest = dapper.ResultStatistics.Min / ado.ResultStatistics.Min;
            Console.WriteLine($"  {pair.Key}: ADO.NET {Describe(ado)}, Dapper {Describe(dapper)}, ratio {ratio:0.00} (of the fastest iterations {fastest:0.00})");
            worst = Math.Max(worst, ratio);
        }

        report.Add("Dapper / ADO.NET, worst of five hottest queries", worst, "x", "<= 1.2x", worst <= 1.2);
    }

    /// <summary>Median, the 99.9 % confidence margin of the mean, and the bytes allocated per call.</summary>
    private static string Describe(BenchmarkReport run)
    {
        var statistics = run.ResultStatistics!;
        var margin = statistics.ConfidenceInterval.Margin / statistics.Mean * 100;
        return $"{statistics.Median / 1000:0.00} µs (±{margin:0} %, {run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase)} B)";
    }
}
