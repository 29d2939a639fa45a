using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KnowledgeHub.Alignment;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// Runs <see cref="DataAccessBenchmarks"/> with BenchmarkDotNet and <see cref="SessionComparison"/>, in process, on a seeded
/// portfolio; reports the worst Dapper/ADO.NET ratio, generated and mapped at run time, and the worst ratio of a read through the session to the same read before it.
/// </summary>
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
        // The modules' hot reads are mapped by Dapper's source generator (ADR 0107): that is the figure the target is for.
        var generated = WorstRatio(summary, "Dapper, generated", IsGenerated);
        report.Add("Dapper / ADO.NET, worst of the hot reads as the modules make them (generated)", generated, "x", "<= 1.2x", generated <= 1.2);
        // How the modules' other reads are mapped (DbSession's generic verbs): no target.
        var runTime = WorstRatio(summary, "Dapper, run-time mapping", run => !IsGenerated(run));
        report.Add("Dapper / ADO.NET, same reads mapped at run time", runTime, "x", "-", null);

        var session = await new SessionComparison(host.Get<AlignmentDatabase>(), rounds: quick ? 10 : 101, callsPerBatch: quick ? 20 : 200).RunAsync();
        // The session must not make a read slower (issue 15): within 5 %, the spread of the paired rounds here.
        report.Add("DbSession / Dapper as called before it, worst median of the same five", session, "x", "<= 1.05x", session <= 1.05);
    }

    /// <summary>The reads marked <c>[DapperAot]</c>, by their names' ending.</summary>
    private static bool IsGenerated(BenchmarkCase run) => run.Descriptor.WorkloadMethod.Name.EndsWith("Aot", StringComparison.Ordinal);

    /// <summary>
    /// Prints each category's ADO.NET baseline beside the one other read <paramref name="isOther"/> picks, and answers the
    /// worst ratio of that read to its baseline, by medians.
    /// </summary>
    private static double WorstRatio(Summary summary, string otherName, Func<BenchmarkCase, bool> isOther)
    {
        var worst = 0.0;
        foreach (var category in summary.Reports.GroupBy(run => run.BenchmarkCase.Descriptor.Categories.Single()))
        {
            var baseline = category.Single(run => run.BenchmarkCase.Descriptor.Baseline);
            var other = category.Single(run => !run.BenchmarkCase.Descriptor.Baseline && isOther(run.BenchmarkCase));
            var ratio = other.ResultStatistics!.Median / baseline.ResultStatistics!.Median;
            // Other work on a shared machine only adds time: the fastest iterations show the cost with the least of it.
            var fastest = other.ResultStatistics.Min / baseline.ResultStatistics.Min;
            Console.WriteLine($"  {category.Key}: ADO.NET {Describe(baseline)}, {otherName} {Describe(other)}, ratio {ratio:0.00} (of the fastest iterations {fastest:0.00})");
            worst = Math.Max(worst, ratio);
        }

        return worst;
    }

    /// <summary>Median, the 99.9 % confidence margin of the mean, and the bytes allocated per call.</summary>
    private static string Describe(BenchmarkReport run)
    {
        var statistics = run.ResultStatistics!;
        var margin = statistics.ConfidenceInterval.Margin / statistics.Mean * 100;
        return $"{statistics.Median / 1000:0.00} µs (±{margin:0} %, {run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase)} B)";
    }
}
