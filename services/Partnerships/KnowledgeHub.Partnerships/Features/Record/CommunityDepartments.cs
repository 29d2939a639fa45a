using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features.Record;

/// <summary>Active members per community and department, moved along as memberships and departments change.</summary>
internal static class CommunityDepartments
{
    /// <summary>Adds <paramref name="delta"/> active members of <paramref name="department"/> to a community.</summary>
    public static Task AddAsync(UnitOfWork work, Guid communityId, string department, int delta) =>
        work.ExecuteAsync(
            """
            INSERT INTO community_departments (community_id, department, members) VALUES (@CommunityId, @Department, @Delta)
            ON CONFLICT (community_id, department) DO UPDATE SET members = community_departments.members + excluded.members
            """,
            new { CommunityId = communityId, Department = department, Delta = delta });

    /// <summary>A person changed department (or became known): their active memberships move with them.</summary>
    public static async Task MoveAsync(UnitOfWork work, Guid personId, string? from, string to)
    {
        var communities = await work.QueryAsync<Guid>(
            "SELECT community_id FROM community_members WHERE person_id = @PersonId AND status = 'active'", new { PersonId = personId });
        foreach (var community in communities)
        {
            if (from is not null)
            {
                await AddAsync(work, community, from, -1);
            }

            await AddAsync(work, community, to, +1);
        }
    }
}
