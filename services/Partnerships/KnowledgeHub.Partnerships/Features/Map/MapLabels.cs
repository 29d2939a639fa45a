using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features.Map;

/// <summary>What each node of a map is called: a department's name, a person's display name, a title.</summary>
internal static class MapLabels
{
    private static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        [NodeKinds.Department] = "SELECT code AS Id, name AS Label FROM departments WHERE {0}",
        [NodeKinds.Objective] = "SELECT CAST(id AS TEXT) AS Id, title AS Label FROM objectives WHERE {0}",
        [NodeKinds.Project] = "SELECT CAST(id AS TEXT) AS Id, name AS Label FROM projects WHERE {0}",
        [NodeKinds.Community] = "SELECT CAST(id AS TEXT) AS Id, name AS Label FROM communities WHERE {0}",
        [NodeKinds.Person] = "SELECT CAST(id AS TEXT) AS Id, display_name AS Label FROM people WHERE active AND {0}",
    };

    public static async Task<Dictionary<(string Kind, string Id), string>> ReadAsync(DbSession session, IEnumerable<(string Kind, string Id)> nodes)
    {
        var labels = new Dictionary<(string Kind, string Id), string>();
        foreach (var kind in nodes.GroupBy(node => node.Kind))
        {
            foreach (var chunk in kind.Select(node => node.Id).Chunk(500))
            {
                object parameters = kind.Key == NodeKinds.Department ? new { Ids = chunk } : new { Ids = chunk.Select(Guid.Parse).ToArray() };
                var column = kind.Key == NodeKinds.Department ? "code" : "id";
                var rows = await session.QueryAsync<LabelRow>(
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, Sources[kind.Key], session.Dialect.InList(column, "@Ids")), parameters);
                foreach (var row in rows)
                {
                    labels[(kind.Key, kind.Key == NodeKinds.Department ? row.Id : Guid.Parse(row.Id).ToString())] = row.Label;
                }
            }
        }

        return labels;
    }

    private sealed class LabelRow
    {
        public required string Id { get; init; }

        public required string Label { get; init; }
    }
}
