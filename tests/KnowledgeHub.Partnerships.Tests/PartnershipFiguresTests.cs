using System.Text.Json.Nodes;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Partnerships.Tests;

/// <summary>
/// Every figure of the known history (<see cref="CollaborationHistory"/>), worked out by hand with
/// the formulas of docs/partnerships.md: reciprocity = smaller / larger help;
/// health = help / (help + 10) × (0.5 + 0.5 × reciprocity); spanner score = Σ √(help to each other department).
/// </summary>
public abstract class PartnershipFiguresTests(PartnershipsFixture fixture)
{
    private const string HalfYear = "from=2026-01-01&to=2026-06-30";

    [Fact]
    public async Task The_matrix_shows_help_each_way_reciprocity_sharing_health_and_its_trend()
    {
        await fixture.HistoryAsync();
        var executive = fixture.Host.CreateClient(TestUser.Executive());

        var matrix = await executive.GetJsonAsync($"/api/partnerships/matrix?{HalfYear}");

        Assert.Equal(("2026-01-01", "2026-06-30"), (matrix["from"]!.GetValue<string>(), matrix["to"]!.GetValue<string>()));
        Assert.Equal(
            ["FIN Finance", "HR People", "IT Technology", "OPS Operations"],
            matrix["departments"]!.AsArray().Select(department => $"{department!["code"]} {department["name"]}"));
        // HR–IT is absent: eve's answer was in a closed community and bob hid his; nothing else links them.
        Assert.Equal(["FIN-HR", "FIN-IT", "FIN-OPS", "HR-OPS", "IT-OPS"], Pairs(matrix).Keys);

        // FIN→IT: carla's answer (1). IT→FIN: ada's accepted answer (1 + 2), bob's answer (1), dan's endorsement of ada (1),
        // ada on FIN's project (2) = 7; ada's answer to a deleted question counts nothing.
        // Reciprocity 1/7 = 0.1429; health 8/18 × (0.5 + 0.5/7) = 0.2540.
        var finIt = Pairs(matrix)["FIN-IT"];
        Assert.Equal((1.0, 7.0, 0.1429, 0.254), Figures(finIt));
        Assert.Equal((1, 1, 1), Shared(finIt));
        // By month: Jan 3 → 3/13 × 0.5; Feb, Mar, Apr 1 → 1/11 × 0.5; May 2 → 2/12 × 0.5; June nothing.
        Assert.Equal(
            [("2026-01", 0.1154), ("2026-02", 0.0455), ("2026-03", 0.0455), ("2026-04", 0.0455), ("2026-05", 0.0833), ("2026-06", 0.0)],
            Trend(finIt));

        // carla's answer to eve: one way, 1 → 1/11 × 0.5.
        Assert.Equal((1.0, 0.0, 0.0, 0.0455), Figures(Pairs(matrix)["FIN-HR"]));
        Assert.Equal((0, 0, 0), Shared(Pairs(matrix)["FIN-HR"]));
        // bob's answer after his move counts for OPS; his answer before it stays IT's.
        Assert.Equal((0.0, 1.0, 0.0, 0.0455), Figures(Pairs(matrix)["FIN-OPS"]));
        Assert.Equal((0, 1, 0), Shared(Pairs(matrix)["FIN-OPS"]));
        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0, 0.0455], Trend(Pairs(matrix)["FIN-OPS"]).Select(point => point.Item2));
        // HR and OPS share Badge readers and the objective it serves, and exchange nothing.
        Assert.Equal((0.0, 0.0, 0.0, 0.0), Figures(Pairs(matrix)["HR-OPS"]));
        Assert.Equal((1, 0, 1), Shared(Pairs(matrix)["HR-OPS"]));
        // IT (ada) and OPS (bob, since his move) meet in the open guild only.
        Assert.Equal((0, 1, 0), Shared(Pairs(matrix)["IT-OPS"]));
    }

    [Fact]
    public async Task A_shorter_period_counts_only_its_months()
    {
        await fixture.HistoryAsync();
        var admin = fixture.Host.CreateClient(TestUser.Admin());

        var matrix = await admin.GetJsonAsync("/api/partnerships/matrix?from=2026-03-01&to=2026-04-30");

        // March and April: FIN→IT 1 (carla), IT→FIN 1 (the endorsement): balanced, 2/12 × 1 = 0.1667.
        Assert.Equal((1.0, 1.0, 1.0, 0.1667), Figures(Pairs(matrix)["FIN-IT"]));
        Assert.Equal([("2026-03", 0.0455), ("2026-04", 0.0455)], Trend(Pairs(matrix)["FIN-IT"]));
    }

    [Fact]
    public async Task Silos_are_departments_keeping_help_inside_and_pairs_sharing_work_without_exchange()
    {
        await fixture.HistoryAsync();
        var executive = fixture.Host.CreateClient(TestUser.Executive());

        var silos = await executive.GetJsonAsync($"/api/partnerships/silos?{HalfYear}");

        // OPS gave 6: 5 inside (finn to gus), 1 to FIN: 5/6 = 0.8333 ≥ 0.75. IT gave 8 with 1 inside; FIN 4 and HR 2 are under 5.
        var department = Assert.Single(silos["departments"]!.AsArray());
        Assert.Equal(("OPS", 0.8333, 6.0), (department!["code"]!.GetValue<string>(), department["internalShare"]!.GetValue<double>(), department["help"]!.GetValue<double>()));
        var pair = Assert.Single(silos["pairs"]!.AsArray());
        Assert.Equal(("HR", "OPS"), (pair!["a"]!.GetValue<string>(), pair["b"]!.GetValue<string>()));
        Assert.Equal("They share 1 active project and 1 objective but exchanged no knowledge from 2026-01-01 to 2026-06-30.", pair["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Boundary_spanners_are_ranked_by_the_reach_of_their_help_with_the_evidence()
    {
        var history = await fixture.HistoryAsync();
        var employee = fixture.Host.CreateClient(TestUser.Employee());

        var spanners = (await employee.GetJsonAsync("/api/partnerships/boundary-spanners"))["items"]!.AsArray();

        // ada: FIN 1 + 2 + 1 + 2 = 6 in 4 contributions → √6 = 2.4495; carla: IT 1, HR 1 → 2; bob: FIN 1 + 1 (before and after his move) → √2.
        Assert.Equal(
            [(history.Ada.Id, 2.4495, 1), (history.Carla.Id, 2.0, 2), (history.Bob.Id, 1.4142, 1)],
            spanners.Select(item => (Guid.Parse(item!["person"]!["id"]!.GetValue<string>()), item["score"]!.GetValue<double>(), item["breadth"]!.GetValue<int>())));
        var ada = spanners[0]!;
        Assert.Equal(("IT", "FIN", 4), (ada["person"]!["department"]!.GetValue<string>(), ada["departmentsHelped"]![0]!["code"]!.GetValue<string>(), ada["departmentsHelped"]![0]!["contributions"]!.GetValue<int>()));
        Assert.Equal(
            ["project Ledger automation", "endorsement kubernetes", "accepted-answer How do we reconcile ledgers?", "answer How do we reconcile ledgers?"],
            ada["evidence"]!.AsArray().Select(evidence => $"{evidence!["kind"]} {evidence["detail"]}"));
        Assert.Equal("OPS", spanners[2]!["person"]!["department"]!.GetValue<string>());
        Assert.Equal(2, spanners[2]!["departmentsHelped"]![0]!["contributions"]!.GetValue<int>());

        var inIt = (await employee.GetJsonAsync("/api/partnerships/boundary-spanners?department=it&limit=5"))["items"]!.AsArray();
        Assert.Equal([history.Ada.Id], inIt.Select(item => Guid.Parse(item!["person"]!["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Hidden_evidence_and_closed_communities_show_nowhere()
    {
        var history = await fixture.HistoryAsync();
        var executive = fixture.Host.CreateClient(TestUser.Executive());

        foreach (var url in new[] { $"/api/partnerships/matrix?{HalfYear}", $"/api/partnerships/silos?{HalfYear}", "/api/partnerships/boundary-spanners" })
        {
            var text = (await executive.GetJsonAsync(url)).ToJsonString();
            Assert.DoesNotContain(CollaborationHistory.ClosedTitle, text, StringComparison.Ordinal);
            Assert.DoesNotContain(CollaborationHistory.HiddenTitle, text, StringComparison.Ordinal);
        }

        // eve's only help was in the closed community: she reaches nobody.
        var spanners = await executive.GetJsonAsync("/api/partnerships/boundary-spanners?department=HR");
        Assert.Empty(spanners["items"]!.AsArray());
        // ada's map shows her the closed circle she belongs to; an executive's view of her map leaves it out.
        var hers = await fixture.Host.CreateClient(history.Ada).GetJsonAsync($"/api/systems-map?focus=person:{history.Ada.Id}");
        var theirs = await executive.GetJsonAsync($"/api/systems-map?focus=person:{history.Ada.Id}");
        Assert.Contains($"community:{history.Circle}", NodeIds(hers));
        Assert.DoesNotContain($"community:{history.Circle}", NodeIds(theirs));
    }

    [Fact]
    public async Task Introductions_are_people_elsewhere_on_your_skills_or_objectives_you_never_exchanged_with()
    {
        var history = await fixture.HistoryAsync();

        var introductions = (await fixture.Host.CreateClient(history.Ada).GetJsonAsync("/api/partnerships/introductions"))["items"]!.AsArray();

        // hana (HR) owns Faster close, which ada's project serves (2); finn (OPS) works with kubernetes (1). carla, dan and eve
        // share skills or the objective but exchanged help with ada (the closed answer too: it is no introduction); bob
        // shares nothing.
        Assert.Equal(
            [(history.Hana.Id, 2.0, "Also works toward the objective \u201cFaster close\u201d"), (history.Finn.Id, 1.0, "Also works with kubernetes")],
            introductions.Select(item => (Guid.Parse(item!["person"]!["id"]!.GetValue<string>()), item["score"]!.GetValue<double>(), item["reasons"]![0]!.GetValue<string>())));
    }

    [Fact]
    public async Task The_systems_map_of_a_project_shows_its_departments_people_and_objective()
    {
        var history = await fixture.HistoryAsync();
        var employee = fixture.Host.CreateClient(TestUser.Employee());

        var map = await employee.GetJsonAsync($"/api/systems-map?focus=project:{history.Ledger}");

        var project = $"project:{history.Ledger}";
        // A node weighs the sum of its edges: the project 5; FIN sponsors (1), gives IT 1, gets 7 from IT and 6 from ada.
        Assert.Equal((project, 5.0), (map["nodes"]![0]!["id"]!.GetValue<string>(), map["nodes"]![0]!["weight"]!.GetValue<double>()));
        Assert.Equal(15.0, map["nodes"]!.AsArray().Single(node => node!["id"]!.GetValue<string>() == "department:FIN")!["weight"]!.GetValue<double>());
        Assert.Equal(
            new[]
            {
                "department:FIN Finance 1", "department:IT Technology 1", $"objective:{history.FasterClose} Faster close 1",
                $"person:{history.Ada.Id} {history.Ada.DisplayName} 1", $"person:{history.Carla.Id} {history.Carla.DisplayName} 1",
            }.Order(StringComparer.Ordinal),
            map["nodes"]!.AsArray().Skip(1).Select(node => $"{node!["id"]} {node["label"]} {node["distance"]}").Order(StringComparer.Ordinal));
        Assert.Equal(
            new[]
            {
                $"department:FIN sponsors {project}", $"department:IT partners-in {project}", $"person:{history.Ada.Id} works-on {project}",
                $"person:{history.Carla.Id} works-on {project}", $"{project} serves objective:{history.FasterClose}",
                // Help links what is on the map: FIN and IT both ways (1 and 7), ada to FIN (6), carla to IT (1; her help to HR is off the map).
                "department:FIN helps department:IT 1", "department:IT helps department:FIN 7",
                $"person:{history.Ada.Id} helps department:FIN 6", $"person:{history.Carla.Id} helps department:IT 1",
            }.Order(StringComparer.Ordinal),
            map["edges"]!.AsArray().Select(edge => edge!["kind"]!.GetValue<string>() == "helps"
                ? $"{edge["from"]} helps {edge["to"]} {edge["weight"]}" : $"{edge["from"]} {edge["kind"]} {edge["to"]}").Order(StringComparer.Ordinal));

        var wider = await employee.GetJsonAsync($"/api/systems-map?focus=project:{history.Ledger}&depth=2");
        // Two rings out: ada's and carla's communities (the open one only), their help, FIN's and IT's people and work.
        Assert.Contains($"community:{history.Guild}", NodeIds(wider));
        Assert.Contains($"person:{history.Dan.Id}", NodeIds(wider));
        Assert.DoesNotContain($"community:{history.Circle}", NodeIds(wider));
        Assert.Contains($"person:{history.Ada.Id} helps department:FIN 6", wider["edges"]!.AsArray().Select(edge => $"{edge!["from"]} {edge["kind"]} {edge["to"]} {edge["weight"]}"));
    }

    [Fact]
    public async Task A_persons_map_is_for_that_person_executives_and_admins()
    {
        var history = await fixture.HistoryAsync();
        var url = $"/api/systems-map?focus=person:{history.Ada.Id}&depth=2";

        using var other = await fixture.Host.CreateClient(history.Carla).GetAsync(url);
        await other.EnsureStatusAsync(System.Net.HttpStatusCode.NotFound);
        var own = await fixture.Host.CreateClient(history.Ada).GetJsonAsync(url);
        var helps = Assert.Single(own["edges"]!.AsArray(), edge => edge!["kind"]!.GetValue<string>() == "helps" && edge["from"]!.GetValue<string>() == $"person:{history.Ada.Id}");
        // ada's help to FIN, ever: 6 (FIN is on the map two rings out, as the sponsor of her project).
        Assert.Equal(($"person:{history.Ada.Id}", "department:FIN", 6.0), (helps!["from"]!.GetValue<string>(), helps["to"]!.GetValue<string>(), helps["weight"]!.GetValue<double>()));
        await fixture.Host.CreateClient(TestUser.Admin()).GetJsonAsync(url);
    }

    private static Dictionary<string, JsonNode> Pairs(JsonNode matrix) =>
        matrix["pairs"]!.AsArray().ToDictionary(pair => $"{pair!["a"]}-{pair["b"]}", pair => pair!);

    private static (double, double, double, double) Figures(JsonNode pair) => (
        pair["helpAtoB"]!.GetValue<double>(), pair["helpBtoA"]!.GetValue<double>(), pair["reciprocity"]!.GetValue<double>(), pair["health"]!.GetValue<double>());

    private static (int, int, int) Shared(JsonNode pair) => (
        pair["sharedProjects"]!.GetValue<int>(), pair["sharedCommunities"]!.GetValue<int>(), pair["sharedObjectives"]!.GetValue<int>());

    private static IEnumerable<(string, double)> Trend(JsonNode pair) =>
        pair["trend"]!.AsArray().Select(point => (point!["month"]!.GetValue<string>(), point["health"]!.GetValue<double>()));

    private static List<string> NodeIds(JsonNode map) => [.. map["nodes"]!.AsArray().Select(node => node!["id"]!.GetValue<string>())];
}

public sealed class Figures_on_Sqlite(SqlitePartnerships fixture) : PartnershipFiguresTests(fixture), IClassFixture<SqlitePartnerships>;

public sealed class Figures_on_Postgres(PostgresPartnerships fixture) : PartnershipFiguresTests(fixture), IClassFixture<PostgresPartnerships>;
