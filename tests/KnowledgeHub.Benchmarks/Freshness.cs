using System.Diagnostics;
using System.Net;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks;

/// <summary>
/// Time from a 201 on a post to the post being found by <c>/api/search</c>, through a hub's
/// gateway: an author posts a word nobody else uses, a reader searches for it every 10 ms.
/// </summary>
internal static class Freshness
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task<Latencies> MeasureAsync(Uri gateway, int samples)
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        using var author = await Hubs.SignInAsync(gateway, $"fresh.author.{marker}@example.com", "IT");
        using var reader = await Hubs.SignInAsync(gateway, $"fresh.reader.{marker}@example.com", "IT");
        var community = await author.PostJsonAsync("/api/communities", new { name = $"Freshness {marker}", description = "Benchmark", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);
        var times = new List<double>();
        for (var sample = 0; sample < samples; sample++)
        {
            times.Add(await TimeToSearchableAsync(author, reader, community["id"]!.GetValue<string>(), $"fresh{marker}n{sample}")
                ?? throw new TimeoutException($"Post {sample} was not searchable within {Deadline.TotalSeconds} s."));
            await Task.Delay(100);
        }

        var latencies = new Latencies(times);
        Console.WriteLine($"  freshness: {latencies}");
        return latencies;
    }

    /// <summary>
    /// For the load command: while a step runs, once a second, the time from a 201 on a post to finding
    /// it, as one person; a post not found within the deadline is counted apart.
    /// </summary>
    public static async Task<(Latencies Found, int NotFound)> ProbeAsync(HttpClient person, string communityId, CancellationToken stop)
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var times = new List<double>();
        var notFound = 0;
        try
        {
            for (var sample = 0; !stop.IsCancellationRequested; sample++)
            {
                var started = Stopwatch.StartNew();
                try
                {
                    if (await TimeToSearchableAsync(person, person, communityId, $"probe{marker}n{sample}") is { } milliseconds)
                    {
                        times.Add(milliseconds);
                    }
                    else
                    {
                        notFound++;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Refused or failed under the load: a write that never became searchable.
                    notFound++;
                }

                await Task.Delay(TimeSpan.FromSeconds(1) - started.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The step is over.
        }

        return (new Latencies(times), notFound);
    }

    /// <summary>Posts an article with <paramref name="word"/> as its author, then searches for it every 10 ms as the reader; null when not found within the deadline.</summary>
    private static async Task<double?> TimeToSearchableAsync(HttpClient author, HttpClient reader, string communityId, string word)
    {
        await author.PostJsonAsync($"/api/communities/{communityId}/posts", new { type = "article", title = $"Runbook {word}", body = "Measured", tags = Array.Empty<string>() }, HttpStatusCode.Created);
        var clock = Stopwatch.StartNew();
        while ((await reader.GetJsonAsync($"/api/search?q={word}"))["total"]!.GetValue<int>() == 0)
        {
            if (clock.Elapsed > Deadline)
            {
                return null;
            }

            await Task.Delay(10);
        }

        return clock.Elapsed.TotalMilliseconds;
    }
}
