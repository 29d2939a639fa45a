using System.Globalization;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>What one step of the load command measured, and whether the hub kept up with it.</summary>
internal sealed record StepResult(
    int Rate,
    TimeSpan Duration,
    IReadOnlyList<Outcome> Outcomes,
    int NotSent,
    (Latencies Found, int NotFound) Freshness,
    (long Total, long Deepest, string DeepestQueue)? Queued,
    IReadOnlyList<(string Service, long Pending, double OldestSeconds)> Outbox,
    IReadOnlyList<(string Name, double CpuPercent, double Megabytes)> Processes)
{
    private const double KeptUp = 0.9;
    private const double MostFailures = 0.01;
    private const double MostReadP99 = 2_000;

    private int Offered => (int)Math.Ceiling(Rate * Duration.TotalSeconds);

    private List<Outcome> Succeeded => [.. Outcomes.Where(outcome => outcome.Status is >= 200 and < 300)];

    /// <summary>Sent and not answered as a success: errors, refusals, and requests still outstanding when the step ended.</summary>
    private int Failed => Offered - Succeeded.Count;

    private Latencies Reads => new(Succeeded.Where(outcome => !outcome.Writes).Select(outcome => outcome.Milliseconds));

    private Latencies Writes => new(Succeeded.Where(outcome => outcome.Writes).Select(outcome => outcome.Milliseconds));

    /// <summary>Why this rate was too much, or null when the hub kept up.</summary>
    public string? Saturated =>
        Succeeded.Count < KeptUp * Offered ? Invariant($"{Succeeded.Count / Duration.TotalSeconds:0}/s of {Rate}/s answered")
        : Failed > MostFailures * Offered ? Invariant($"{Failed} of {Offered} failed ({Statuses()})")
        : Reads.P99 > MostReadP99 ? Invariant($"read p99 {Reads.P99:0} ms")
        : null;

    public void Print()
    {
        Console.WriteLine($"  {"route",-20} {"answered",8} {"2xx",6} {"429",5} {"other",5} {"p50 ms",8} {"p99 ms",8}");
        foreach (var route in Outcomes.GroupBy(outcome => outcome.Route).OrderBy(route => route.Key, StringComparer.Ordinal))
        {
            var ok = new Latencies(route.Where(outcome => outcome.Status is >= 200 and < 300).Select(outcome => outcome.Milliseconds));
            var limited = route.Count(outcome => outcome.Status == 429);
            Console.WriteLine(Invariant($"  {route.Key,-20} {route.Count(),8} {ok.Count,6} {limited,5} {route.Count() - ok.Count - limited,5} {ok.P50,8:0.0} {ok.P99,8:0.0}"));
        }

        Console.WriteLine(Invariant($"  not sent (generator at its in-flight cap): {NotSent}; unanswered when the step ended: {Offered - NotSent - Outcomes.Count}"));
        Console.WriteLine(Invariant($"  freshness (201 → found by search), one probe a second: {Freshness.Found}; not found within 30 s or refused: {Freshness.NotFound}"));
        if (Queued is { } queued)
        {
            Console.WriteLine(Invariant($"  broker at the end of the step: {queued.Total} messages waiting, deepest {queued.DeepestQueue} with {queued.Deepest}"));
        }

        if (Outbox.Count > 0)
        {
            Console.WriteLine("  outbox lag, worst during the step: " + string.Join(", ", Outbox.Select(entry => Invariant($"{entry.Service} {entry.Pending} waiting, oldest {entry.OldestSeconds:0.0} s"))));
        }

        foreach (var (name, cpu, megabytes) in Processes.Where(process => process.CpuPercent >= 1))
        {
            Console.WriteLine(Invariant($"  {name,-20} CPU {cpu,5:0} %  memory {megabytes,6:0} MB"));
        }

        // What the hub's processes spent per request answered: the figure that says how many requests
        // a second a machine's cores can carry at this mix (docs/benchmarks.md, "What one write costs").
        if (Processes.Count > 0 && Succeeded.Count > 0)
        {
            var percent = Processes.Sum(process => process.CpuPercent);
            Console.WriteLine(Invariant($"  these processes together: CPU {percent:0} % of a core, {percent * 10 / (Succeeded.Count / Duration.TotalSeconds):0.00} ms of CPU a request answered"));
        }
    }

    public static void PrintSummary(IReadOnlyList<StepResult> steps)
    {
        Console.WriteLine();
        Console.WriteLine($"{"offered/s",9} {"done/s",7} {"writes/s",8} {"read p50",8} {"read p99",8} {"write p99",9} {"fresh p99",9} {"failed",7} {"queued",7} {"outbox s",8}  busiest (CPU %)");
        foreach (var step in steps)
        {
            var seconds = step.Duration.TotalSeconds;
            var busiest = string.Join(", ", step.Processes.Where(process => process.CpuPercent >= 1).Take(3).Select(process => Invariant($"{process.Name} {process.CpuPercent:0}")));
            Console.WriteLine(Invariant(
                $"{step.Rate,9} {step.Succeeded.Count / seconds,7:0.0} {step.Succeeded.Count(outcome => outcome.Writes) / seconds,8:0.0} {OneDecimal(step.Reads.P50),8} {OneDecimal(step.Reads.P99),8} {OneDecimal(step.Writes.P99),9} {OneDecimal(step.Freshness.Found.P99),9} {(double)step.Failed / step.Offered,7:P1} {step.Queued?.Total.ToString(CultureInfo.InvariantCulture) ?? "-",7} {(step.Outbox.Count == 0 ? "-" : OneDecimal(step.Outbox.Max(entry => entry.OldestSeconds))),8}  {busiest}"));
        }

        var knee = steps.LastOrDefault(step => step.Saturated is null);
        Console.WriteLine(knee is null
            ? "The hub did not keep up with the first rate."
            : Invariant($"Highest rate kept up with: {knee.Rate}/s ({knee.Succeeded.Count(outcome => outcome.Writes) / knee.Duration.TotalSeconds:0.0} writes/s), read p99 {OneDecimal(knee.Reads.P99)} ms, freshness p99 {OneDecimal(knee.Freshness.Found.P99)} ms."));
    }

    private string Statuses() =>
        string.Join(", ", Outcomes.Where(outcome => outcome.Status is < 200 or >= 300)
            .GroupBy(outcome => outcome.Status == 0 ? "no answer" : outcome.Status.ToString(CultureInfo.InvariantCulture))
            .Select(status => $"{status.Count()} x {status.Key}")
            .Append($"{NotSent} not sent")
            .Append($"{Offered - NotSent - Outcomes.Count} unanswered"));

    /// <summary>A figure to one decimal, or "-" when there was nothing to measure (no reads in a writes-only run, say).</summary>
    private static string OneDecimal(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
