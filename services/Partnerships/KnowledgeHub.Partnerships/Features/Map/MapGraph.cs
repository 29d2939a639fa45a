using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features.Map;

/// <summary>
/// Walks the systems map out from its focus one ring at a time along structural edges, each ring
/// one query per relation and side; then links the nodes on the map by help. Communities the caller
/// may not see are neither shown nor walked through.
/// </summary>
internal sealed class MapGraph(DbSession session, Guid caller)
{
    private const int Chunk = 500;

    private readonly Dictionary<(string Kind, string Id), int> _nodes = [];
    private readonly Dictionary<(string From, string To, string Kind), double> _edges = [];

    public IReadOnlyDictionary<(string Kind, string Id), int> Nodes => _nodes;

    public IReadOnlyDictionary<(string From, string To, string Kind), double> Edges => _edges;

    public static string Key(string kind, string id) => $"{kind}:{id}";

    public async Task WalkAsync(string kind, string id, int depth)
    {
        _nodes[(kind, id)] = 0;
        var ring = new List<(string Kind, string Id)> { (kind, id) };
        for (var distance = 1; distance <= depth && ring.Count > 0; distance++)
        {
            var found = new List<(string Kind, string Id)>();
            foreach (var relation in MapRelation.All.Where(relation => relation.Walks))
            {
                found.AddRange(await FollowAsync(relation, relation.FromKind, relation.FromColumn, ring, outward: true));
                found.AddRange(await FollowAsync(relation, relation.ToKind, relation.ToColumn, ring, outward: false));
            }

            var visible = await VisibleAsync(found.Distinct().Where(node => !_nodes.ContainsKey(node)).ToList());
            foreach (var node in visible)
            {
                _nodes[node] = distance;
            }

            ring = visible;
        }

        var onMap = _nodes.Keys.ToList();
        foreach (var relation in MapRelation.All.Where(relation => !relation.Walks))
        {
            await FollowAsync(relation, relation.FromKind, relation.FromColumn, onMap, outward: true);
        }

        foreach (var edge in _edges.Keys.Where(edge => !Has(edge.From) || !Has(edge.To)).ToList())
        {
            _edges.Remove(edge);
        }
    }

    private bool Has(string key)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        return _nodes.ContainsKey((key[..separator], key[(separator + 1)..]));
    }

    private async Task<IEnumerable<(string Kind, string Id)>> FollowAsync(
        MapRelation relation, string kind, string column, IReadOnlyList<(string Kind, string Id)> ring, bool outward)
    {
        var ids = ring.Where(node => node.Kind == kind).Select(node => node.Id).ToList();
        var found = new List<(string Kind, string Id)>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            // Typed lists: Dapper expands a list parameter only when its property is one.
            object parameters = kind == NodeKinds.Department
                ? new { Ids = chunk }
                : new { Ids = chunk.Select(Guid.Parse).ToArray() };
            var rows = await session.QueryAsync<EdgeRow>(relation.Sql(session.Dialect.InList(column, "@Ids")), parameters);
            foreach (var row in rows)
            {
                var from = (relation.FromKind, Normal(relation.FromKind, row.FromId));
                var to = (relation.ToKind, Normal(relation.ToKind, row.ToId));
                _edges[(Key(from.FromKind, from.Item2), Key(to.ToKind, to.Item2), relation.Kind)] = row.Weight;
                found.Add(outward ? to : from);
            }
        }

        return found;
    }

    /// <summary>Leaves out closed communities the caller is no active member of.</summary>
    private async Task<List<(string Kind, string Id)>> VisibleAsync(List<(string Kind, string Id)> nodes)
    {
        var communities = nodes.Where(node => node.Kind == NodeKinds.Community).Select(node => Guid.Parse(node.Id)).ToArray();
        if (communities.Length == 0)
        {
            return nodes;
        }

        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in communities.Chunk(Chunk))
        {
            hidden.UnionWith((await session.QueryAsync<Guid>(
                $"""
                SELECT c.id FROM communities c
                WHERE {session.Dialect.InList("c.id", "@Ids")} AND c.visibility <> 'open' AND NOT EXISTS (
                    SELECT 1 FROM community_members m WHERE m.community_id = c.id AND m.person_id = @Caller AND m.status = 'active')
                """,
                new { Ids = chunk, Caller = caller })).Select(id => id.ToString()));
        }

        return [.. nodes.Where(node => node.Kind != NodeKinds.Community || !hidden.Contains(node.Id))];
    }

    private static string Normal(string kind, string id) => kind == NodeKinds.Department ? id : Guid.Parse(id).ToString();

    private sealed class EdgeRow
    {
        public required string FromId { get; init; }

        public required string ToId { get; init; }

        public double Weight { get; init; }
    }
}
