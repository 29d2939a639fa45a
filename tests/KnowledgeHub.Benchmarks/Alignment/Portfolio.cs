using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KnowledgeHub.Alignment;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Alignment;

/// <summary>
/// A large portfolio in an Alignment host of its own (the embedded default, SQLite, unless asked): objectives
/// and projects created through the API, a fixed seed deciding departments, budgets, alignments
/// and status reports.
/// </summary>
internal static class Portfolio
{
    public const string Period = "2026-H2";
    private static readonly string[] Departments = ["IT", "FIN", "HR", "OPS", "SALES", "SEC", "ENG", "LEGAL", "MKT", "RND"];

    public static Task<ModuleTestHost> StartHostAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        ModuleTestHost.StartAsync(AlignmentModule.Name, provider, builder => builder.AddAlignment(), app => app.MapAlignment());

    /// <summary>Seeds the portfolio and returns the executive client that created it.</summary>
    public static async Task<HttpClient> SeedAsync(ModuleTestHost host, int projects, int objectives)
    {
        foreach (var code in Departments)
        {
            await host.PublishAsync(new DepartmentChanged(code, $"Department {code}", 1, DateTimeOffset.UtcNow));
        }

        var executive = host.CreateClient(TestUser.Executive("portfolio"));
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
        return executive;
    }

    private static async Task<JsonNode?> TryCreateAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return response.StatusCode == HttpStatusCode.Created ? await response.ReadJsonAsync() : null;
    }
}
