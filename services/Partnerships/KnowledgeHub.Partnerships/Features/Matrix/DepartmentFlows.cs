using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features.Matrix;

/// <summary>
/// What the matrix and the silos read: help between departments per month from the aggregates, and
/// the projects, communities and objectives pairs of departments share. Nothing is recomputed from
/// the record of interactions.
/// </summary>
internal sealed class DepartmentFlows
{
    private readonly Dictionary<(string Giver, string Receiver), Dictionary<string, double>> _help = [];

    public IReadOnlyDictionary<(string A, string B), int> SharedProjects { get; private init; } = new Dictionary<(string, string), int>();

    public IReadOnlyDictionary<(string A, string B), int> SharedCommunities { get; private init; } = new Dictionary<(string, string), int>();

    public IReadOnlyDictionary<(string A, string B), int> SharedObjectives { get; private init; } = new Dictionary<(string, string), int>();

    /// <summary>Help inside each department and given by it in total (inside and out).</summary>
    public Dictionary<string, (double Internal, double Total)> Given { get; } = [];

    /// <summary>Every pair (A before B) that exchanged help or shares anything.</summary>
    public IEnumerable<(string A, string B)> Pairs =>
        _help.Keys.Where(key => key.Giver != key.Receiver).Select(key => Ordered(key.Giver, key.Receiver))
            .Concat(SharedProjects.Keys).Concat(SharedCommunities.Keys).Concat(SharedObjectives.Keys)
            .Distinct().OrderBy(pair => pair.A, StringComparer.Ordinal).ThenBy(pair => pair.B, StringComparer.Ordinal);

    public double Help(string giver, string receiver, string? month = null) =>
        _help.TryGetValue((giver, receiver), out var months) ? month is null ? months.Values.Sum() : months.GetValueOrDefault(month) : 0;

    public static (string A, string B) Ordered(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    public static async Task<DepartmentFlows> ReadAsync(DbSession session, ReportingPeriod period)
    {
        var flows = new DepartmentFlows
        {
            SharedProjects = await PairsAsync(session, """
                SELECT CAST(d.project_id AS TEXT) AS GroupId, d.department AS Department
                FROM project_departments d JOIN projects p ON p.id = d.project_id
                WHERE p.status = 'active'
                """),
            SharedCommunities = await PairsAsync(session, """
                SELECT CAST(d.community_id AS TEXT) AS GroupId, d.department AS Department
                FROM community_departments d JOIN communities c ON c.id = d.community_id
                WHERE c.visibility = 'open' AND d.members > 0
                """),
            SharedObjectives = await PairsAsync(session, """
                SELECT CAST(d.objective_id AS TEXT) AS GroupId, d.department AS Department
                FROM objective_departments d JOIN objectives o ON o.id = d.objective_id
                UNION
                SELECT CAST(l.objective_id AS TEXT), d.department
                FROM project_objectives l JOIN project_departments d ON d.project_id = l.project_id JOIN objectives o ON o.id = l.objective_id
                """),
        };
        var rows = await session.QueryAsync<HelpRow>(
            """
            SELECT giver_department AS Giver, receiver_department AS Receiver, month AS Month, help AS Help
            FROM help_months WHERE month >= @First AND month <= @Last AND help > 0
            """,
            new { First = period.FirstMonth, Last = period.LastMonth });
        foreach (var row in rows)
        {
            if (!flows._help.TryGetValue((row.Giver, row.Receiver), out var months))
            {
                flows._help[(row.Giver, row.Receiver)] = months = [];
            }

            months[row.Month] = row.Help;
            var (inside, total) = flows.Given.GetValueOrDefault(row.Giver);
            flows.Given[row.Giver] = (inside + (row.Giver == row.Receiver ? row.Help : 0), total + row.Help);
        }

        return flows;
    }

    /// <summary>
    /// How many groups (projects, communities, objectives) each pair of departments shares, counted
    /// here from the groups' departments: a self-join in SQL costs groups × departments² rows.
    /// </summary>
    private static async Task<IReadOnlyDictionary<(string, string), int>> PairsAsync(DbSession session, string sql)
    {
        var shared = new Dictionary<(string, string), int>();
        foreach (var group in (await session.QueryAsync<MemberRow>(sql)).GroupBy(row => row.GroupId, StringComparer.OrdinalIgnoreCase))
        {
            var departments = group.Select(row => row.Department).Distinct().Order(StringComparer.Ordinal).ToArray();
            for (var first = 0; first < departments.Length; first++)
            {
                for (var second = first + 1; second < departments.Length; second++)
                {
                    var pair = (departments[first], departments[second]);
                    shared[pair] = shared.GetValueOrDefault(pair) + 1;
                }
            }
        }

        return shared;
    }

    private sealed class HelpRow
    {
        public required string Giver { get; init; }

        public required string Receiver { get; init; }

        public required string Month { get; init; }

        public double Help { get; init; }
    }

    private sealed class MemberRow
    {
        public required string GroupId { get; init; }

        public required string Department { get; init; }
    }
}
