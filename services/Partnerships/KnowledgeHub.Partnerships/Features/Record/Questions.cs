using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features.Record;

/// <summary>What the answer events need to know about questions and their communities.</summary>
internal static class Questions
{
    public static async Task<bool> RemovedAsync(DbSession session, Guid postId) =>
        await session.ScalarAsync<long>("SELECT count(*) FROM removed_posts WHERE post_id = @PostId", new { PostId = postId }) > 0;

    /// <summary>
    /// Notes a community's visibility as an answer tells it, when its own event has not arrived yet
    /// (version 0: the community's first CommunityChanged replaces it).
    /// </summary>
    public static Task NoteCommunityAsync(UnitOfWork work, Guid communityId, string visibility) =>
        work.ExecuteAsync(
            "INSERT INTO communities (id, name, visibility, version) VALUES (@CommunityId, '', @Visibility, 0) ON CONFLICT DO NOTHING",
            new { CommunityId = communityId, Visibility = visibility });
}
