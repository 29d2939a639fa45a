using KnowledgeHub.Benchmarks.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// Expert finding as the organisation grows: the first size's people imported through the API and
/// their activity written by the module's own evidence store (<see cref="BenchmarkOrganisation"/>),
/// then copies of that organisation, people and everything their evidence wrote, up to each size.
/// </summary>
internal sealed class ExpertFindingCurve(IReadOnlyList<int> sizes, int requests) : IGrowthCurve
{
    /// <summary>Pieces of evidence per person, declared skills included: the same density at every size.</summary>
    private const int EvidencePerPerson = 8;

    // Every table a person's import and activity wrote that the expert finder reads, parents first.
    private static readonly CopiedTable[] PersonTables =
    [
        new("people", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id"), ["email"] = CopiedTable.NewText("email") }),
        new("person_skills", new Dictionary<string, string> { ["person_id"] = CopiedTable.NewKey("person_id") }),
        new("evidence", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id"), ["person_id"] = CopiedTable.NewKey("person_id"), ["source"] = CopiedTable.NewText("source") }),
        new("expertise", new Dictionary<string, string> { ["person_id"] = CopiedTable.NewKey("person_id") }),
        new("evidence_documents", new Dictionary<string, string> { ["person_id"] = CopiedTable.NewKey("person_id"), ["source"] = CopiedTable.NewText("source") }),
        new("evidence_terms", new Dictionary<string, string> { ["person_id"] = CopiedTable.NewKey("person_id"), ["source"] = CopiedTable.NewText("source") }),
        new("person_activity", new Dictionary<string, string> { ["person_id"] = CopiedTable.NewKey("person_id") }),
    ];

    public string Name => "expert finding";

    public string SizeUnit => "people";

    public async Task<IReadOnlyList<GrowthPoint>> RunAsync(GrowthRun run)
    {
        await using var host = await BenchmarkOrganisation.StartModuleAsync(DatabaseProvider.Postgres);
        var organisation = new BenchmarkOrganisation(seed: 7, sizes[0]);
        var evidence = await organisation.WriteIntoAsync(host, sizes[0] * EvidencePerPerson);
        Console.WriteLine($"  base: {sizes[0]:N0} people, {evidence:N0} pieces of evidence in {await BenchmarkOrganisation.DocumentsAsync(host.Get<ExpertiseDatabase>()):N0} documents, through the module's writes");

        var reads = new (string Name, List<string> Urls)[]
        {
            ("q = a skill's name", organisation.SkillNameQuestions(requests)),
            ("skill = a skill", organisation.SkillLookups(requests)),
        };
        var copies = new TableCopies(host.PostgresConnectionString!, PersonTables);
        await copies.KeepBaseAsync();
        return await run.AtEachSizeAsync(this, sizes[0], sizes, host.PostgresConnectionString!, host.CreateClient(TestUser.Employee("benchmark")), reads, copies);
    }
}
