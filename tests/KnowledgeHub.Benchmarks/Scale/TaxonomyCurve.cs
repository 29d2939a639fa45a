using KnowledgeHub.Benchmarks.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// Expert finding by question as the taxonomy grows, the organisation staying the same: the skills the
/// module and an import of 1,000 people wrote, then copies of them and their aliases under new names of
/// the same lengths, as an organisation's taxonomy grows by imports and declarations. Every free-text
/// question is matched against the taxonomy's names and aliases, a typo within a small edit distance.
/// </summary>
internal sealed class TaxonomyCurve(IReadOnlyList<int> copies, int requests) : IGrowthCurve
{
    private const int People = 1_000;

    private const int EvidencePerPerson = 8;

    // A copied name has the original's length (at least eight letters, so that copies of "go" differ),
    // its letters drawn from the copy's hash: a taxonomy of many different names, as long as real
    // ones, for the typo search to compare.
    private static readonly string CopiedKey = SameLengthText("name_key");

    private static readonly CopiedTable[] SkillTables =
    [
        new("skills", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id"), ["name"] = CopiedKey, ["name_key"] = CopiedKey }),
        new("skill_aliases", new Dictionary<string, string> { ["alias_key"] = SameLengthText("alias_key"), ["skill_id"] = CopiedTable.NewKey("skill_id") }),
    ];

    public string Name => "expert finding by taxonomy";

    public string SizeUnit => "skills";

    public async Task<IReadOnlyList<GrowthPoint>> RunAsync(GrowthRun run)
    {
        await using var host = await BenchmarkOrganisation.StartModuleAsync(DatabaseProvider.Postgres);
        var organisation = new BenchmarkOrganisation(seed: 7, People);
        await organisation.WriteIntoAsync(host, People * EvidencePerPerson);
        await using var session = await host.Get<ExpertiseDatabase>().OpenSessionAsync();
        var skills = await session.ScalarAsync<long>("SELECT count(*) FROM skills");
        var aliases = await session.ScalarAsync<long>("SELECT count(*) FROM skill_aliases");
        Console.WriteLine($"  base: {skills:N0} skills and {aliases:N0} aliases, {People:N0} people, through the module's writes");

        var asked = new HashSet<string>(["q = skill name", "q = alias or typo", "q = sentence", "skills list, q = typo"], StringComparer.Ordinal);
        var reads = organisation.Queries(requests).Where(read => asked.Contains(read.Name)).Select(read => (read.Name, read.Urls.ToList())).ToList();
        var tables = new TableCopies(host.PostgresConnectionString!, SkillTables);
        await tables.KeepBaseAsync();
        var baseSize = (int)skills;
        return await run.AtEachSizeAsync(this, baseSize, copies.Select(count => count * baseSize).ToList(), host.PostgresConnectionString!, host.CreateClient(TestUser.Employee("benchmark")), reads, tables);
    }

    private static string SameLengthText(string column) =>
        $"translate(substr(repeat(md5({column} || ':' || copy_number), 4), 1, greatest(length({column}), 8)), '0123456789', 'ghijklmnop')";
}
