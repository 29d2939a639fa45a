using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise;
using KnowledgeHub.Expertise.Benchmarks;
using KnowledgeHub.Testing;

// Sizes the expert finder for its targets: importing 10,000 people in 10 calls within 10 s, and
// p99 of GET /api/experts?q= at most 50 ms with 10,000 people and 200,000 pieces of evidence.
//   dotnet run -c Release --project tests/KnowledgeHub.Expertise.Benchmarks -- [Sqlite|Postgres] [people] [evidence] [queries]
var provider = Enum.Parse<DatabaseProvider>(args.ElementAtOrDefault(0) ?? "Sqlite", ignoreCase: true);
var people = int.Parse(args.ElementAtOrDefault(1) ?? "10000", CultureInfo.InvariantCulture);
var evidence = int.Parse(args.ElementAtOrDefault(2) ?? "200000", CultureInfo.InvariantCulture);
var queries = int.Parse(args.ElementAtOrDefault(3) ?? "1000", CultureInfo.InvariantCulture);

if (provider == DatabaseProvider.Postgres && await PostgresServer.UnavailableReasonAsync() is { } why)
{
    Console.WriteLine($"PostgreSQL is not available: {why}");
    return 1;
}

await using var host = await ModuleTestHost.StartAsync(ExpertiseModule.Name, provider, builder => builder.AddExpertise(), app => app.MapExpertise());
var organisation = new BenchmarkOrganisation(seed: 7, people);
var admin = host.CreateClient(TestUser.Admin());

var import = Stopwatch.StartNew();
foreach (var batch in organisation.ImportRows().Chunk(1000))
{
    var call = Stopwatch.StartNew();
    var response = await admin.PostJsonAsync("/api/people/import", batch, HttpStatusCode.OK);
    Console.WriteLine($"import of {batch.Length} people: {call.ElapsedMilliseconds} ms ({response["created"]} created)");
}

Console.WriteLine($"IMPORT {people} people in {import.Elapsed.TotalSeconds:0.00} s");

var seeding = Stopwatch.StartNew();
var total = await organisation.SeedActivityAsync(host.Get<ExpertiseDatabase>(), host.Get<KnowledgeHub.Expertise.Features.Skills.SkillTaxonomy>(), evidence);
Console.WriteLine($"seeded evidence to {total} pieces in {seeding.Elapsed.TotalSeconds:0.0} s");
if (provider == DatabaseProvider.Postgres)
{
    // In production autovacuum keeps the planner's statistics; a table loaded a second ago has none.
    await using var connection = await host.Get<ExpertiseDatabase>().OpenAsync();
    await connection.ExecuteAsync("ANALYZE", commandType: System.Data.CommandType.Text);
}

var client = host.CreateClient(TestUser.Employee("benchmark"));
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

    timings.Sort();
    double At(double share) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(share * timings.Count) - 1)];
    Console.WriteLine($"QUERY {name,-28} n={timings.Count} p50 {At(0.50):0.0} ms  p95 {At(0.95):0.0} ms  p99 {At(0.99):0.0} ms  max {timings[^1]:0.0} ms");
}

return 0;
