using KnowledgeHub.Benchmarks;
using KnowledgeHub.Benchmarks.Alignment;
using KnowledgeHub.Benchmarks.Evaluation;
using KnowledgeHub.Benchmarks.Expertise;
using KnowledgeHub.Benchmarks.Notifications;
using KnowledgeHub.Benchmarks.Partnerships;
using KnowledgeHub.Benchmarks.Scale;
using KnowledgeHub.Benchmarks.Search;

// The benchmark suite: every figure of docs/benchmarks.md beside its target, in one run.
//   dotnet run -c Release --project tests/KnowledgeHub.Benchmarks [-- search gateway scorecard data-access outbox expertise partnerships fan-out digests snippets] [--quick]
// --quick shrinks the data sets and durations for a smoke run; its figures are not the targets'.
// --smtp host:port sends the digest run to a mail server already running (Postfix, say) instead of smtp4dev.
// Cost as work grows, on PostgreSQL (search on its embedded index), drawn into docs/images/ (not part of a run without names; --plans logs the slowest statements' plans):
//   dotnet run -c Release --project tests/KnowledgeHub.Benchmarks -- scale [--quick] [--plans]   (or scale-experts, scale-taxonomy, scale-scorecard, scale-communities, scale-search)
//   dotnet run -c Release --project tests/KnowledgeHub.Benchmarks -- experts-eval FILE...   (expert finding on real Q&A, docs/expertise-ranking.md)
if (args is ["experts-eval", .. var files])
{
    if (files.Length == 0)
    {
        await Console.Error.WriteLineAsync("experts-eval needs the sites' Posts.xml files, e.g. ../shared/evaldata/*.Posts.xml");
        return 2;
    }

    Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
    await ExpertsEvaluation.RunAsync(files);
    return 0;
}

// How far those targets can be reached on the histories at all: rankers fitted to the future's answers (docs/expertise-ranking.md):
//   dotnet run -c Release --project tests/KnowledgeHub.Benchmarks -- experts-bound FILE...
if (args is ["experts-bound", .. var histories])
{
    if (histories.Length == 0)
    {
        await Console.Error.WriteLineAsync("experts-bound needs the sites' Posts.xml files, e.g. ../shared/evaldata/*.Posts.xml");
        return 2;
    }

    KnowledgeHub.Benchmarks.Evaluation.Bound.ExpertsBound.Run(histories);
    return 0;
}

// The three users' traffic against a running hub, yours or one started here, until it saturates (docs/benchmarks.md):
//   dotnet run -c Release --project tests/KnowledgeHub.Benchmarks -- load --target http://127.0.0.1:5000 [--rates 25,50,100] [--seconds 60] ...
if (args is ["load", .. var loadArguments])
{
    return await KnowledgeHub.Benchmarks.Load.LoadCommand.RunAsync(loadArguments);
}

var quick = args.Contains("--quick");
// Hosts in this process and the processes started from it log warnings only: a log line per request would be measured too.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
// Scenario names are the arguments that are neither options nor an option's value.
var selected = args.Where((arg, at) => !arg.StartsWith("--", StringComparison.Ordinal) && (at == 0 || args[at - 1] != "--smtp")).ToHashSet(StringComparer.OrdinalIgnoreCase);
// The scale curves seed a million rows: they run only when named.
bool Runs(string scenario) => scenario.StartsWith("scale-", StringComparison.Ordinal)
    ? selected.Contains(scenario) || selected.Contains("scale")
    : selected.Count == 0 || selected.Contains(scenario);

// A smoke run's pictures stay out of the documentation.
var growth = new GrowthRun(requests: quick ? 20 : 100, warmUp: quick ? 5 : 20, logPlans: args.Contains("--plans"));
var pictures = quick ? Path.Combine(Path.GetTempPath(), "knowledgehub-scale") : KnowledgeHub.Testing.RepositoryRoot.Of("docs/images");

var report = new Report();
var scenarios = new List<(string Name, Func<Task> Run)>
{
    ("search", () => new SearchScenario(quick ? 10_000 : 100_000, users: 16, perSecond: 200, TimeSpan.FromSeconds(quick ? 5 : 20)).RunAsync(report)),
    ("gateway", () => new GatewayScenario(connections: 16, TimeSpan.FromSeconds(quick ? 3 : 10), freshnessSamples: quick ? 10 : 60).RunAsync(report)),
    ("scorecard", () => new ScorecardScenario(quick ? 500 : 5_000, quick ? 50 : 500, quick ? 20 : 200).RunAsync(report)),
    ("data-access", () => new DataAccessScenario(quick ? 200 : 2_000, quick).RunAsync(report)),
    ("outbox", () => new OutboxScenario(quick ? 500 : 3_000).RunAsync(report)),
    ("expertise", () => new ExpertiseScenario(quick ? 1_000 : 10_000, quick ? 20_000 : 200_000, quick ? 100 : 1_000).RunAsync(report)),
    ("partnerships", () => new PartnershipsScenario(quick ? 1_000 : 10_000, quick ? 50_000 : 1_000_000, 40, quick ? 50 : 200).RunAsync(report)),
    ("fan-out", () => new FanOutScenario(quick ? 1_000 : 10_000, quick ? 3 : 30).RunAsync(report)),
    ("digests", () => new DigestScenario(quick ? 500 : 10_000, DigestScenario.MailServerOf(args)).RunAsync(report)),
    ("snippets", () => new SnippetComparison(quick ? 2_000 : 20_000, quick ? 200 : 2_000).RunAsync(report)),
    ("scale-experts", () => new ScaleScenario(new ExpertFindingCurve(quick ? [100, 1_000] : [1_000, 10_000, 100_000], growth.Requests), growth, pictures).RunAsync(report)),
    ("scale-taxonomy", () => new ScaleScenario(new TaxonomyCurve(quick ? [1, 10] : [1, 10, 100, 400], growth.Requests), growth, pictures).RunAsync(report)),
    ("scale-scorecard", () => new ScaleScenario(new ScorecardCurve(quick ? [50, 500] : [500, 5_000, 50_000]), growth, pictures).RunAsync(report)),
    ("scale-communities", () => new ScaleScenario(new CommunityListCurve(quick ? [1_000, 10_000] : [10_000, 1_000_000]), growth, pictures).RunAsync(report)),
    ("scale-search", () => new SearchGrowthScenario(quick ? [1_000, 10_000] : [10_000, 100_000, 1_000_000], users: 16, perSecond: 100, TimeSpan.FromSeconds(quick ? 5 : 30), pictures, phraseQueries: quick ? 200 : 2_000).RunAsync(report)),
};

foreach (var (name, run) in scenarios.Where(scenario => Runs(scenario.Name)))
{
    Console.WriteLine($"== {name}");
    try
    {
        await run();
    }
    catch (Exception exception)
    {
        report.NotMeasured(name, "-", $"the scenario failed: {exception.GetBaseException().Message}");
    }
}

report.Print();
return 0;
