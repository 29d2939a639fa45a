using System.Diagnostics;
using KnowledgeHub.Benchmarks.Load;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise;
using KnowledgeHub.Expertise.Features.Experts;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Expertise;

/// <summary>
/// The expert finder on the embedded default (SQLite), hosted alone: 10,000 people imported in
/// calls of 1,000, activity seeded to 200,000 pieces of evidence (each source with its document, what
/// a question is ranked by), then the query mix of
/// <c>/api/experts</c> one request at a time.
/// </summary>
internal sealed class ExpertiseScenario(int people, int evidence, int queries)
{
    public async Task RunAsync(Report report)
    {
        await using var host = await BenchmarkOrganisation.StartModuleAsync(DatabaseProvider.Sqlite);
        var organisation = new BenchmarkOrganisation(seed: 7, people);
        var admin = host.CreateClient(TestUser.Admin());

        var import = Stopwatch.StartNew();
        await organisation.ImportAsync(admin);

        report.Add($"import of {people:N0} people (calls of 1,000)", import.Elapsed.TotalSeconds, "s", "<= 10 s", import.Elapsed.TotalSeconds <= 10);

        var total = await organisation.SeedActivityAsync(host.Get<ExpertiseDatabase>(), host.Get<SkillTaxonomy>(), host.Get<CorpusStatistics>(), evidence);
        Console.WriteLine($"  seeded {total:N0} pieces of evidence in {await BenchmarkOrganisation.DocumentsAsync(host.Get<ExpertiseDatabase>()):N0} documents");
        var client = host.CreateClient(TestUser.Employee("benchmark"));
        var all = new List<double>();
        foreach (var (name, urls) in organisation.Queries(queries))
        {
            foreach (var url in urls.Take(50))
            {
                await client.GetJsonAsync(url);
            }

            var timings = new List<double>();
            foreach (var url in urls)
            {
                var clock = Stopwatch.StartNew();
                await client.GetJsonAsync(url);
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"  {name}: {new Latencies(timings)}");
            if (IsExpertsQuery(urls))
            {
                all.AddRange(timings);
            }
        }

        var experts = new Latencies(all);
        report.Add($"expert finding p99 ({people:N0} people, {total:N0} evidence)", experts.P99, "ms", "<= 50 ms", experts.P99 <= 50);

        static bool IsExpertsQuery(IReadOnlyList<string> urls) => urls.Count > 0 && urls[0].StartsWith("/api/experts?", StringComparison.Ordinal);
    }
}
