using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace KnowledgeHub.Benchmarks.Load;

/// <summary>
/// <c>load --target URL</c>: the three users' traffic against a running hub at increasing rates, a
/// step each, until it saturates; per step throughput, p50 and p99 per route, freshness (write to
/// searchable), the broker's queue depth, the outbox lag when given the hub's PostgreSQL, and when
/// the hub runs on this machine, CPU and memory per process. A line of progress every five seconds, a table at the end.
/// </summary>
internal static class LoadCommand
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load on {options.Target}: {string.Join(", ", options.Rates)} requests/s, {options.Step.TotalSeconds:0} s each, {options.WriteShare:P0} writes, {(options.Token is null ? $"{options.Users} people signed in" : "one token")}; load average {Uptime()}"));
        using var traffic = await Traffic.PrepareAsync(options);
        var outbox = options.Postgres is { } postgres ? new OutboxLag(postgres) : null;
        var local = IPAddress.TryParse(options.Target.Host, out var address) ? IPAddress.IsLoopback(address) : options.Target.IsLoopback;
        var steps = new List<StepResult>();
        foreach (var rate in options.Rates)
        {
            var step = await RunStepAsync(traffic, options, rate, local, outbox);
            steps.Add(step);
            step.Print();
            if (step.Saturated is { } why)
            {
                Console.WriteLine($"  saturated at {rate}/s: {why}; no higher rate tried.");
                break;
            }
        }

        StepResult.PrintSummary(steps);
        Console.WriteLine($"load average {Uptime()}");
        return 0;
    }

    private static async Task<StepResult> RunStepAsync(Traffic traffic, LoadOptions options, int rate, bool local, OutboxLag? outbox)
    {
        Console.WriteLine($"== {rate} requests/s for {options.Step.TotalSeconds:0} s");
        var loop = new OpenLoop(rate, options.Step, options.MaxInFlight);
        var processesBefore = local ? LocalProcesses.Now() : null;
        using var stop = new CancellationTokenSource();
        var freshness = Freshness.ProbeAsync(traffic.Prober, traffic.Community, stop.Token);
        var progress = ReportProgressAsync(loop, rate, outbox, stop.Token);
        var clock = Stopwatch.StartNew();
        await loop.RunAsync(traffic.SendAsync, Drain);
        var processes = local ? LocalProcesses.Now().Since(processesBefore!) : [];
        var queued = local ? await BrokerQueue.DepthAsync() : null;
        await stop.CancelAsync();
        await progress;
        if (outbox is not null)
        {
            await outbox.SampleAsync();
        }

        var fresh = await freshness;
        Console.WriteLine($"  done in {clock.Elapsed.TotalSeconds:0.0} s");
        return new StepResult(rate, options.Step, loop.Outcomes.ToList(), loop.NotSent, fresh, queued, outbox?.TakeWorst() ?? [], processes);
    }

    private static async Task ReportProgressAsync(OpenLoop loop, int rate, OutboxLag? outbox, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                await Task.Delay(ProgressEvery, stop);
                if (outbox is not null)
                {
                    await outbox.SampleAsync();
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,4:0} s: {loop.Done} answered ({loop.Done / clock.Elapsed.TotalSeconds:0}/s of {rate}/s), {loop.InFlight} in flight, {loop.NotSent} not sent"));
            }
        }
        catch (OperationCanceledException)
        {
            // The step is over.
        }
    }

    private static string Uptime() =>
        OperatingSystem.IsLinux() ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
