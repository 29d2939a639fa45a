using KnowledgeHub.Benchmarks.Alignment;
using KnowledgeHub.Data;

namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// The executive scorecard as the portfolio grows: the first size's projects and a tenth as many
/// objectives created through the API (<see cref="Portfolio"/>), then copies of that portfolio,
/// objectives, projects and the links, partners and status reports between them, up to each size.
/// </summary>
internal sealed class ScorecardCurve(IReadOnlyList<int> sizes) : IGrowthCurve
{
    // The portfolio's tables as its creation wrote them, parents first. The change log the same
    // writes keep is not copied: the scorecard does not read it.
    private static readonly CopiedTable[] PortfolioTables =
    [
        new("objectives", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id") }),
        new("objective_departments", new Dictionary<string, string> { ["objective_id"] = CopiedTable.NewKey("objective_id") }),
        new("objective_owners", new Dictionary<string, string> { ["objective_id"] = CopiedTable.NewKey("objective_id") }),
        new("key_results", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id"), ["objective_id"] = CopiedTable.NewKey("objective_id") }),
        new("projects", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id") }),
        new("project_partners", new Dictionary<string, string> { ["project_id"] = CopiedTable.NewKey("project_id") }),
        new("project_members", new Dictionary<string, string> { ["project_id"] = CopiedTable.NewKey("project_id") }),
        new("project_objectives", new Dictionary<string, string> { ["project_id"] = CopiedTable.NewKey("project_id"), ["objective_id"] = CopiedTable.NewKey("objective_id") }),
        new("project_status_reports", new Dictionary<string, string> { ["id"] = CopiedTable.NewKey("id"), ["project_id"] = CopiedTable.NewKey("project_id") }),
    ];

    public string Name => "scorecard";

    public string SizeUnit => "projects";

    public async Task<IReadOnlyList<GrowthPoint>> RunAsync(GrowthRun run)
    {
        await using var host = await Portfolio.StartHostAsync(DatabaseProvider.Postgres);
        var executive = await Portfolio.SeedAsync(host, sizes[0], sizes[0] / 10);
        var connectionString = host.PostgresConnectionString!;
        var copies = new TableCopies(connectionString, PortfolioTables);
        await copies.KeepBaseAsync();
        var reads = new (string Name, List<string> Urls)[] { ("the scorecard", [$"/api/alignment/scorecard?period={Portfolio.Period}"]) };
        return await run.AtEachSizeAsync(this, sizes[0], sizes, connectionString, executive, reads, copies);
    }
}
