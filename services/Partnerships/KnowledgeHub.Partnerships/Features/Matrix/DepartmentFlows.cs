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
                SELECT a.department AS A, b.department AS B, count(*) AS Shared
                FROM project_departments a
                JOIN project_departments b ON b.project_id = a.project_id AND a.department <> b.department
                JOIN projects p ON p.id = a.project_id
                WHERE p.status = 'active'
                GROUP BY a.department, b.department
                """),
            SharedCommunities = await PairsAsync(session, """
                SELECT a.department AS A, b.department AS B, count(*) AS Shared
                FROM community_departments a
                JOIN community_departments b ON b.community_id = a.community_id AND a.department <> b.department
                JOIN communities c ON c.id = a.community_id
                WHERE c.visibility = 'open' AND a.members > 0 AND b.members > 0
                GROUP BY a.department, b.department
                """),
            SharedObjectives = await PairsAsync(session, """
                WITH involved AS (
                    SELECT objective_id, department FROM objective_departments
                    UNION
                    SELECT l.objective_id, d.department FROM project_objectives l JOIN project_departments d ON d.project_id = l.project_id
                )
                SELECT a.department AS A, b.department AS B, count(*) AS Shared
                FROM involved a JOIN involved b ON b.objective_id = a.objective_id AND a.department <> b.department
                JOIN objectives o ON o.id = a.objective_id
                GROUP BY a.department, b.department
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

    private static async Task<IReadOnlyDictionary<(string, string), int>> PairsAsync(DbSession session, string sql) =>
        // Ordered here, not in SQL: PostgreSQL compares text by its collation, the response by ordinal.
        (await session.QueryAsync<SharedRow>(sql)).Where(row => string.CompareOrdinal(row.A, row.B) < 0)
            .ToDictionary(row => (row.A, row.B), row => (int)row.Shared);

    private sealed class HelpRow
    {
        public required string Giver { get; init; }

        public required string Receiver { get; init; }

        public required string Month { get; init; }

        public double Help { get; init; }
    }

    private sealed class SharedRow
    {
        public required string A { get; init; }

        public required string B { get; init; }

        public long Shared { get; init; }
    }
}
