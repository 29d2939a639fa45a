using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Partnerships.Features.Map;

internal static class GetSystemsMap
{
    public const int MaxDepth = 3;

    internal sealed record NodeItem(string Id, string Kind, string Label, double Weight, int Distance);

    internal sealed record EdgeItem(string From, string To, string Kind, double Weight);

    internal sealed record MapResponse(string Focus, int Depth, IReadOnlyList<NodeItem> Nodes, IReadOnlyList<EdgeItem> Edges);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/systems-map", HandleAsync)
            .WithName("PartnershipsSystemsMap")
            .WithSummary("The departments, objectives, projects, communities and people around a focus (kind:id), up to depth 1 to 3 rings out, "
                + "and how they are linked; what the caller may not see is left out, and a person's map is for that person, executives and admins.");

    private static async Task<Results<Ok<MapResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? focus, int? depth, ClaimsPrincipal user, PartnershipsDatabase database, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(focus), "focus", "'focus' names the centre of the map: department:{code}, objective:{id}, project:{id}, community:{id} or person:{id}.")
            .Require(depth is null or >= 1 and <= MaxDepth, "depth", $"'depth' is 1 to {MaxDepth}.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var separator = focus!.IndexOf(':', StringComparison.Ordinal);
        var kind = separator < 0 ? focus.Trim() : focus[..separator].Trim().ToLowerInvariant();
        var id = separator < 0 ? "" : Normalize(kind, focus[(separator + 1)..].Trim());
        await using var session = await database.OpenSessionAsync(cancellationToken);
        if (!NodeKinds.All.Contains(kind) || id is null || !await CanSeeAsync(session, kind, id, user))
        {
            return Problems.NotFound($"The focus '{focus}'");
        }

        var graph = new MapGraph(session, user.PersonId());
        await graph.WalkAsync(kind, id, depth ?? 1);
        var labels = await MapLabels.ReadAsync(session, graph.Nodes.Keys);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (edge, weight) in graph.Edges)
        {
            weights[edge.From] = weights.GetValueOrDefault(edge.From) + weight;
            weights[edge.To] = weights.GetValueOrDefault(edge.To) + weight;
        }

        var nodes = graph.Nodes
            .OrderBy(node => node.Value).ThenBy(node => node.Key.Kind, StringComparer.Ordinal).ThenBy(node => node.Key.Id, StringComparer.Ordinal)
            .Select(node =>
            {
                var key = MapGraph.Key(node.Key.Kind, node.Key.Id);
                return new NodeItem(key, node.Key.Kind, labels.GetValueOrDefault(node.Key, node.Key.Id), Formulas.Round(weights.GetValueOrDefault(key)), node.Value);
            }).ToList();
        var edges = graph.Edges
            .OrderBy(edge => edge.Key.From, StringComparer.Ordinal).ThenBy(edge => edge.Key.To, StringComparer.Ordinal).ThenBy(edge => edge.Key.Kind, StringComparer.Ordinal)
            .Select(edge => new EdgeItem(edge.Key.From, edge.Key.To, edge.Key.Kind, Formulas.Round(edge.Value))).ToList();
        return TypedResults.Ok(new MapResponse(MapGraph.Key(kind, id), depth ?? 1, nodes, edges));
    }

    /// <summary>The id as the map keys it (an upper-case department code, a lower-case UUID), or null when it cannot be one.</summary>
    private static string? Normalize(string kind, string id) =>
        kind == NodeKinds.Department ? DepartmentCodes.Normalize(id) : Guid.TryParse(id, out var guid) ? guid.ToString() : null;

    /// <summary>
    /// Whether the focus exists and the caller may see it: a closed community only for its members,
    /// a person's map only for that person, executives and admins.
    /// </summary>
    private static async Task<bool> CanSeeAsync(DbSession session, string kind, string id, ClaimsPrincipal user)
    {
        var sql = kind switch
        {
            NodeKinds.Department => "SELECT (SELECT count(*) FROM departments WHERE code = @Code) + (SELECT count(*) FROM people WHERE department = @Code)",
            NodeKinds.Objective => "SELECT count(*) FROM objectives WHERE id = @Id",
            NodeKinds.Project => "SELECT count(*) FROM projects WHERE id = @Id",
            NodeKinds.Community => """
                SELECT count(*) FROM communities c WHERE c.id = @Id AND c.version > 0 AND (c.visibility = 'open' OR EXISTS (
                    SELECT 1 FROM community_members m WHERE m.community_id = c.id AND m.person_id = @Caller AND m.status = 'active'))
                """,
            _ => "SELECT count(*) FROM people WHERE id = @Id",
        };
        if (kind == NodeKinds.Person && Guid.Parse(id) != user.PersonId() && !user.IsExecutiveOrAdmin())
        {
            return false;
        }

        Guid? guid = kind == NodeKinds.Department ? null : Guid.Parse(id);
        return await session.ScalarAsync<long>(sql, new { Code = id, Id = guid, Caller = user.PersonId() }) > 0;
    }
}
