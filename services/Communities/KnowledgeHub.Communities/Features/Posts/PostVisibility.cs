using System.Data.Common;
using Dapper;
using KnowledgeHub.Communities.Features.Communities;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>A closed community's content is for its active members only; to others it does not exist.</summary>
internal static class PostVisibility
{
    /// <summary>The community's visibility, or null when it does not exist or the viewer may not see its content.</summary>
    public static async Task<string?> VisibleCommunityAsync(
        DbConnection connection, Guid communityId, Guid viewerId, CancellationToken cancellationToken)
    {
        var visibility = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT visibility FROM communities WHERE id = @Id",
            new { Id = communityId },
            cancellationToken: cancellationToken));
        if (visibility != "closed")
        {
            return visibility;
        }

        var membership = await Membership.FindAsync(connection, communityId, viewerId, cancellationToken);
        return membership is { IsActive: true } ? visibility : null;
    }
}
