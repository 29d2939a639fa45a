using Dapper;
using KnowledgeHub.Communities.Features.Members;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Communities.Features.Communities;

/// <summary>Reads communities with their tags, leads, member count and the viewer's membership.</summary>
internal static class CommunityReader
{
    /// <summary>
    /// <paramref name="filter"/> continues <c>FROM communities c</c> with WHERE, ORDER BY and LIMIT;
    /// its parameters are in <paramref name="parameters"/>.
    /// </summary>
    public static async Task<IReadOnlyList<CommunityResponse>> ReadAsync(
        DbSession session,
        string filter,
        DynamicParameters parameters,
        Guid viewerId)
    {
        var rows = (await session.QueryAsync<CommunityRow>(
            $"""
            SELECT c.id AS Id, c.slug AS Slug, c.name AS Name, c.description AS Description,
                   c.visibility AS Visibility, c.version AS Version,
                   c.created_at AS CreatedAt, c.updated_at AS UpdatedAt,
                   (SELECT {session.Dialect.StringAgg("t.tag")} FROM community_tags t WHERE t.community_id = c.id) AS Tags,
                   (SELECT count(*) FROM memberships m WHERE m.community_id = c.id AND m.status = 'active') AS MemberCount
            FROM communities c
            {filter}
            """,
            parameters)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(row => row.Id).ToArray();
        var standing = (await session.QueryAsync<StandingRow>(
            $"""
            SELECT m.community_id AS CommunityId, m.person_id AS PersonId, m.role AS Role, m.status AS Status,
                   COALESCE(p.display_name, '') AS DisplayName
            FROM memberships m LEFT JOIN people p ON p.id = m.person_id
            WHERE {session.Dialect.InList("m.community_id", "@Ids")}
              AND ((m.role = 'lead' AND m.status = 'active') OR m.person_id = @ViewerId)
            """,
            new { Ids = ids, ViewerId = viewerId })).ToLookup(row => row.CommunityId);

        return rows.Select(row =>
        {
            var people = standing[row.Id].ToList();
            var viewer = people.FirstOrDefault(person => person.PersonId == viewerId);
            return new CommunityResponse(
                row.Id,
                row.Slug,
                row.Name,
                row.Description,
                TagList.Split(row.Tags),
                row.Visibility,
                people
                    .Where(person => person is { Role: Membership.Lead, Status: Membership.Active })
                    .OrderBy(person => person.DisplayName, StringComparer.OrdinalIgnoreCase)
                    .Select(person => new PersonReference(person.PersonId, person.DisplayName))
                    .ToList(),
                row.MemberCount,
                row.CreatedAt,
                row.UpdatedAt,
                viewer is null or { Status: Membership.Left } ? null : new ViewerMembership(viewer.Role, viewer.Status),
                row.Version);
        }).ToList();
    }

    public static async Task<CommunityResponse?> ReadOneAsync(
        DbSession session, Guid id, Guid viewerId)
    {
        var parameters = new DynamicParameters(new { Id = id });
        var found = await ReadAsync(session, "WHERE c.id = @Id", parameters, viewerId);
        return found.Count == 0 ? null : found[0];
    }

    private sealed class CommunityRow
    {
        public Guid Id { get; init; }

        public required string Slug { get; init; }

        public required string Name { get; init; }

        public required string Description { get; init; }

        public required string Visibility { get; init; }

        public long Version { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public string? Tags { get; init; }

        public int MemberCount { get; init; }
    }

    private sealed class StandingRow
    {
        public Guid CommunityId { get; init; }

        public Guid PersonId { get; init; }

        public required string Role { get; init; }

        public required string Status { get; init; }

        public required string DisplayName { get; init; }
    }
}
