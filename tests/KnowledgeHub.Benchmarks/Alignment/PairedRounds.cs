using System.Diagnostics;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// Two ways of making one read, measured in pairs instead of one after the other: each round times a
/// batch of each, alternating which goes first, and the figure is the median of the rounds' ratios.
/// On this shared machine the load changes within seconds (BenchmarkDotNet's sequential runs gave
/// margins of ±50 % at a load of 30), and a pair sees the same load.
/// </summary>
internal static class PairedRounds
{
    /// <summary>Prints the median ratio (measured / reference) with its quartiles and answers the median.</summary>
    public static async Task<double> MedianRatioAsync(string label, Func<Task> reference, Func<Task> measured, int rounds, int callsPerBatch)
    {
        await TimeAsync(reference, callsPerBatch);
        await TimeAsync(measured, callsPerBatch);
        var ratios = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var measuredFirst = round % 2 == 1;
            var first = await TimeAsync(measuredFirst ? measured : reference, callsPerBatch);
            var second = await TimeAsync(measuredFirst ? reference : measured, callsPerBatch);
            ratios.Add(measuredFirst ? first / second : second / first);
        }

        ratios.Sort();
        var median = ratios[rounds / 2];
        Console.WriteLine($"  {label}: median ratio {median:0.000} (quartiles {ratios[rounds / 4]:0.000} to {ratios[rounds * 3 / 4]:0.000}, {rounds} rounds of {callsPerBatch} calls each)");
        return median;
    }

    private static async Task<double> TimeAsync(Func<Task> read, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (var call = 0; call < calls; call++)
        {
            await read();
        }

        return clock.Elapsed.TotalMilliseconds;
    }
}
