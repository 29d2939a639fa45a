using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
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

        var job = (quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateMinimumViable().AddJob(job).AddLogger(NullLogger.Instance).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<DataAccessBenchmarks>(config);
        var worst = 0.0;
        foreach (var pair in summary.Reports.GroupBy(run => run.BenchmarkCase.Descriptor.Categories.Single()))
        {
            var ado = pair.Single(run => run.BenchmarkCase.Descriptor.Baseline).ResultStatistics!.Median;
            var dapper = pair.Single(run => !run.BenchmarkCase.Descriptor.Baseline).ResultStatistics!.Median;
            Console.WriteLine($"  {pair.Key}: ADO.NET {ado / 1000:0.0} µs, Dapper {dapper / 1000:0.0} µs, ratio {dapper / ado:0.00}");
            worst = Math.Max(worst, dapper / ado);
        }

        report.Add("Dapper / ADO.NET, worst of five hottest queries", worst, "x", "<= 1.2x", worst <= 1.2);
    }
}
