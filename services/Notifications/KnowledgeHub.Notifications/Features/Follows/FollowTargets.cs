using KnowledgeHub.Data;
using KnowledgeHub.Notifications.Features.Directory;

namespace KnowledgeHub.Notifications.Features.Follows;

/// <summary>
/// What one may follow: communities (a closed one only as its active member), people, tags in use,
/// projects and objectives, as this service heard of them from their owners' events.
/// </summary>
internal static class FollowTargets
{
    public static readonly IReadOnlyList<string> Kinds = ["community", "person", "tag", "project", "objective"];

    /// <summary>The target's canonical id (a tag's normalized name, a lower-case UUID), or null when it does not exist or the caller may not see it.</summary>
    public static async Task<string?> FindAsync(DbSession session, string kind, string id, Guid me)
    {
        if (kind == "tag")
        {
            var tag = Tags.Normalize(id);
            return await session.ScalarAsync<string>("SELECT name FROM tags WHERE name = @Tag", new { Tag = tag });
        }

        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        var sql = kind switch
        {
            "community" => """
                SELECT count(*) FROM communities c
                WHERE c.id = @Id AND (c.visibility = 'open'
                    OR EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = c.id AND m.person_id = @Me AND m.status = 'active'))
                """,
            "person" => "SELECT count(*) FROM people WHERE id = @Id",
            "project" => "SELECT count(*) FROM projects WHERE id = @Id",
            _ => "SELECT count(*) FROM objectives WHERE id = @Id",
        };
        return await session.ScalarAsync<long>(sql, new { Id = guid, Me = me }) > 0 ? guid.ToString() : null;
    }
}
