using System.Net;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Experts;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Expertise;

/// <summary>
/// A large organisation for timing: people with declared skills (imported), then activity evidence
/// written through the same store the consumers use, spread over skills with a long tail (a few
/// skills are very popular, most are rare), as in real organisations.
/// </summary>
internal sealed class BenchmarkOrganisation(int seed, int people)
{
    private const int Departments = 20;

    private static readonly string[] Seeded =
    [
        "Kubernetes", "Python", "JavaScript", "TypeScript", "Java", "C#", "Go", "React", "Angular", "PostgreSQL", "Docker", "Terraform",
        "AWS", "Azure", "Apache Kafka", "Machine Learning", "Data Engineering", "Power BI", "Excel", "Scrum", "Project Management",
        "Information Security", "Linux", "Git", "CI/CD", "Node.js", ".NET", "SQL", "Rust", "GraphQL", "Redis", "MongoDB", "Elasticsearch",
        "UX Design", "Product Management", "Finance", "Procurement", "SAP", "Salesforce", "GDPR", "Leadership", "Coaching", "Negotiation",
    ];

    /// <summary>A deliberately tiny vocabulary: every one of these words is in thousands of titles.</summary>
    private static readonly string[] Words = ["migrate", "tune", "monitor", "secure", "scale", "debug", "deploy", "upgrade", "design", "test", "cluster", "pipeline", "schema", "budget", "latency"];

    private readonly Random _random = new(seed);

    private static IReadOnlyList<string> Skills { get; } =
        Seeded.Concat(Enumerable.Range(1, 200 - Seeded.Length).Select(index => $"Domain skill {index:000}")).ToList();

    private IEnumerable<object> ImportRows() => Enumerable.Range(0, people).Select(index => (object)new
    {
        email = $"bench.{index:00000}@example.com",
        displayName = $"Person {index:00000}",
        department = $"D{index % Departments:00}",
        title = "Engineer",
        skills = Enumerable.Range(0, _random.Next(2, 6)).Select(_ => PopularSkill()).Distinct().Select(name => new { name, level = _random.Next(1, 6) }).ToList(),
    });

    /// <summary>
    /// Adds answers, accepted answers, posts, projects and endorsements, each with its document, until
    /// the evidence table holds <paramref name="target"/> rows.
    /// </summary>
    public async Task<int> SeedActivityAsync(ExpertiseDatabase database, SkillTaxonomy taxonomy, CorpusStatistics statistics, int target)
    {
        string[] kinds = [EvidenceKinds.Answer, EvidenceKinds.Answer, EvidenceKinds.Answer, EvidenceKinds.AcceptedAnswer, EvidenceKinds.Post, EvidenceKinds.Project, EvidenceKinds.Endorsement];
        var skillIds = new Dictionary<string, Guid>();
        var count = await CountAsync(database);
        while (count < target)
        {
            await using var work = await database.BeginAsync();
            for (var written = 0; written < 2000 && count < target; written++)
            {
                var person = KnowledgeHub.ServiceDefaults.Auth.PersonIds.FromEmail($"bench.{_random.Next(people):00000}@example.com");
                var kind = kinds[_random.Next(kinds.Length)];
                var at = DateTimeOffset.UtcNow.AddDays(-_random.Next(0, 1500));
                var title = $"How do we {Words[_random.Next(Words.Length)]} the {Words[_random.Next(Words.Length)]} of {RareWord()}?";
                var pieces = new List<EvidencePiece>();
                var skills = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => PopularSkill()).Distinct().ToList();
                foreach (var skill in skills)
                {
                    if (!skillIds.TryGetValue(skill, out var id))
                    {
                        skillIds[skill] = id = (await taxonomy.ResolveOrCreateAsync(work, skill)).Id;
                    }

                    pieces.Add(new EvidencePiece(id, kind, title, at));
                }

                // A question (q=) is ranked by the documents of the evidence (ADR 0043): each source has one,
                // its title, tags and a body of a few dozen words, as an answer's would.
                var source = $"bench:{Guid.NewGuid()}";
                await EvidenceStore.ReplaceAsync(work, source, person, pieces);
                await EvidenceDocuments.ReplaceAsync(work, statistics, new EvidenceDocument(source, person, kind, title, at, title, skills, Body()));
                count += pieces.Count;
            }

            await work.CommitAsync();
        }

        return await CountAsync(database);
    }

    public IEnumerable<(string Name, IReadOnlyList<string> Urls)> Queries(int count)
    {
        var typos = new[] { "kubernets", "pyhton", "postgress", "javscript", "terrafrom", "machine lerning", "elasticsearh", "typescirpt" };
        yield return ("q = skill name", SkillNameQuestions(count));
        yield return ("q = alias or typo", Many(count, () => $"/api/experts?q={Uri.EscapeDataString(_random.Next(2) == 0 ? typos[_random.Next(typos.Length)] : new[] { "k8s", "js", "ts", "golang", "postgres", "ml" }[_random.Next(6)])}"));
        yield return ("q = sentence", Many(count, () => $"/api/experts?q={Uri.EscapeDataString($"who knows {PopularSkill().ToLowerInvariant()} and {Words[_random.Next(Words.Length)]}?")}"));
        yield return ("q = common title words", Many(count / 5, () => $"/api/experts?q={Words[_random.Next(Words.Length)]}%20{Words[_random.Next(Words.Length)]}"));
        yield return ("q = rare title word", Many(count, () => $"/api/experts?q={RareWord()}"));
        yield return ("skill + department", Many(count, () => $"/api/experts?skill={Uri.EscapeDataString(PopularSkill())}&department=D{_random.Next(Departments):00}"));
        yield return ("skills list, q = typo", Many(count / 5, () => $"/api/skills?q={typos[_random.Next(typos.Length)]}"));
        yield return ("people, skill + department", Many(count / 5, () => $"/api/people?skill={Uri.EscapeDataString(PopularSkill())}&department=D{_random.Next(Departments):00}"));
        yield return ("coverage of a department", Many(count / 10, () => $"/api/experts/coverage?department=D{_random.Next(Departments):00}"));
    }

    /// <summary>Questions that are a skill's name, <c>/api/experts?q=Kubernetes</c>.</summary>
    public List<string> SkillNameQuestions(int count) => Many(count, () => $"/api/experts?q={Uri.EscapeDataString(PopularSkill())}");

    /// <summary>Exact skill look-ups, <c>/api/experts?skill=Kubernetes</c>.</summary>
    public List<string> SkillLookups(int count) => Many(count, () => $"/api/experts?skill={Uri.EscapeDataString(PopularSkill())}");

    /// <summary>Imports the organisation's people through the API, in calls of 1,000 as a directory sync would.</summary>
    public async Task ImportAsync(HttpClient admin)
    {
        foreach (var batch in ImportRows().Chunk(1000))
        {
            await admin.PostJsonAsync("/api/people/import", batch, HttpStatusCode.OK);
        }
    }

    /// <summary>The Expertise module alone, as its host runs it, over a fresh database.</summary>
    public static Task<ModuleTestHost> StartModuleAsync(DatabaseProvider provider) =>
        ModuleTestHost.StartAsync(ExpertiseModule.Name, provider, builder => builder.AddExpertise(), app => app.MapExpertise());

    /// <summary>This organisation imported into <paramref name="host"/>, then its activity written up to <paramref name="evidence"/> pieces; how many were written.</summary>
    public async Task<int> WriteIntoAsync(ModuleTestHost host, int evidence)
    {
        await ImportAsync(host.CreateClient(TestUser.Admin()));
        return await SeedActivityAsync(host.Get<ExpertiseDatabase>(), host.Get<SkillTaxonomy>(), host.Get<CorpusStatistics>(), evidence);
    }

    public static Task<int> DocumentsAsync(ExpertiseDatabase database) => CountAsync(database, "evidence_documents");

    private static Task<int> CountAsync(ExpertiseDatabase database, string table = "evidence") =>
        Task.Run(async () =>
        {
            await using var connection = await database.OpenAsync();
            return await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM {table}");
        });

    private string Body() =>
        string.Join(' ', Enumerable.Range(0, _random.Next(20, 60)).Select(_ => _random.Next(4) == 0 ? RareWord() : Words[_random.Next(Words.Length)]));

    /// <summary>One of 10,000 product names: each appears in a handful of titles.</summary>
    private string RareWord() => $"atlas{_random.Next(10_000):0000}";

    private static List<string> Many(int count, Func<string> next) => Enumerable.Range(0, count).Select(_ => next()).ToList();

    /// <summary>A skill drawn with Zipf-like weights: the first skills are far more common than the last.</summary>
    private string PopularSkill()
    {
        var rank = (int)Math.Floor(Math.Pow(Skills.Count + 1, _random.NextDouble())) - 1;
        return Skills[Math.Clamp(rank, 0, Skills.Count - 1)];
    }
}
