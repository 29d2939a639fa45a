using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using KnowledgeHub.Alignment;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// The executive scorecard over a large portfolio on the embedded default (SQLite), hosted alone:
/// objectives and projects created through the API (a fixed seed decides departments, budgets,
/// alignments and status reports), then the scorecard asked one request at a time.
/// </summary>
internal sealed class ScorecardScenario(int projects, int objectives, int requests)
{
    private const string Period = "2026-H2";
    private static readonly string[] Departments = ["IT", "FIN", "HR", "OPS", "SALES", "SEC", "ENG", "LEGAL", "MKT", "RND"];

    public async Task RunAsync(Report report)
    {
        await using var host = await ModuleTestHost.StartAsync(AlignmentModule.Name, DatabaseProvider.Sqlite, builder => builder.AddAlignment(), app => app.MapAlignment());
        foreach (var code in Departments)
        {
            await host.PublishAsync(new DepartmentChanged(code, $"Department {code}", 1, DateTimeOffset.UtcNow));
        }

        var executive = host.CreateClient(TestUser.Executive("scorecard"));
        var random = new Random(11);
        var seeding = Stopwatch.StartNew();
        var objectiveIds = new List<string>();
        for (var number = 0; number < objectives; number++)
        {
            var body = new
            {
                title = $"Objective {number}",
                description = "Benchmark portfolio",
                department = Departments[random.Next(Departments.Length)],
                period = Period,
                priority = random.Next(1, 6),
                keyResults = new[] { new { title = "Measure", baseline = 0m, target = 100m, current = (decimal)random.Next(0, 100), unit = "%" } },
            };
            objectiveIds.Add((await Eventually.GetAsync(() => TryCreateAsync(executive, "/api/objectives", body), TimeSpan.FromSeconds(10), "the departments to be known"))["id"]!.GetValue<string>());
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, projects).Select(number => (number, Seed: random.Next())), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (project, _) =>
        {
            var own = new Random(project.Seed);
            var created = await executive.PostJsonAsync("/api/projects", new
            {
                name = $"Project {project.number}",
                description = "Benchmark portfolio",
                sponsorDepartment = Departments[own.Next(Departments.Length)],
                partnerDepartments = new[] { Departments[own.Next(Departments.Length)] }.Distinct().ToArray(),
                tags = Array.Empty<string>(),
                budget = new { planned = own.Next(10, 1000) * 1000m, actual = 0m, currency = "EUR" },
                startDate = "2026-07-01",
                endDate = "2026-12-31",
                status = own.Next(10) < 8 ? "active" : "proposed",
            }, HttpStatusCode.Created);
            var url = $"/api/projects/{created["id"]}";
            if (own.Next(10) < 7)
            {
                await executive.PutJsonAsync($"{url}/alignments/{objectiveIds[own.Next(objectiveIds.Count)]}", new { contribution = "medium", rationale = "Serves it" }, HttpStatusCode.OK);
            }

            if (own.Next(3) == 0)
            {
                await executive.PostJsonAsync($"{url}/status-reports", new { health = new[] { "green", "amber", "red" }[own.Next(3)], summary = "On its way" }, HttpStatusCode.Created);
            }
        });
        Console.WriteLine($"  seeded {objectives:N0} objectives and {projects:N0} projects in {seeding.Elapsed.TotalSeconds:0} s");

        var timings = new List<double>();
        for (var request = -20; request < requests; request++)
        {
            var clock = Stopwatch.StartNew();
            await executive.GetJsonAsync($"/api/alignment/scorecard?period={Period}");
            if (request >= 0)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var latencies = new Latencies(timings);
        Console.WriteLine($"  scorecard: {latencies}");
        report.Add($"scorecard p99 ({projects:N0} projects, {objectives:N0} objectives)", latencies.P99, "ms", "<= 100 ms", latencies.P99 <= 100);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode?> TryCreateAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return response.StatusCode == HttpStatusCode.Created ? await response.ReadJsonAsync() : null;
    }
}
