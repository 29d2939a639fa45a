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
    public static async Task<Latencies> MeasureAsync(Uri gateway, int samples)
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        using var author = await Hubs.SignInAsync(gateway, $"fresh.author.{marker}@example.com", "IT");
        using var reader = await Hubs.SignInAsync(gateway, $"fresh.reader.{marker}@example.com", "IT");
        var community = await author.PostJsonAsync("/api/communities", new { name = $"Freshness {marker}", description = "Benchmark", tags = Array.Empty<string>(), visibility = "open" }, HttpStatusCode.Created);
        var times = new List<double>();
        for (var sample = 0; sample < samples; sample++)
        {
            var word = $"fresh{marker}n{sample}";
            await author.PostJsonAsync($"/api/communities/{community["id"]}/posts", new { type = "article", title = $"Runbook {word}", body = "Measured", tags = Array.Empty<string>() }, HttpStatusCode.Created);
            var clock = Stopwatch.StartNew();
            while ((await reader.GetJsonAsync($"/api/search?q={word}"))["total"]!.GetValue<int>() == 0)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"Post {sample} was not searchable within 30 s.");
                }

                await Task.Delay(10);
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(100);
        }

        var latencies = new Latencies(times);
        Console.WriteLine($"  freshness: {latencies}");
        return latencies;
    }
}
