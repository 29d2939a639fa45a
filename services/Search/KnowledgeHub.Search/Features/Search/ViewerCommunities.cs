using Dapper;

namespace KnowledgeHub.Search.Features.Search;

/// <summary>The communities whose closed content a viewer may find: those they are an active member of.</summary>
internal static class ViewerCommunities
{
    public static async Task<IReadOnlyCollection<Guid>> OfAsync(SearchDatabase database, Guid viewer, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var communities = await session.QueryAsync<Guid>(
            "SELECT community_id FROM community_memberships WHERE person_id = @Viewer AND status = 'active'",
            new { Viewer = viewer });
        return communities.AsList();
    }
}
