using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Communities.Features.Posts;

internal static class PostEvents
{
    private const int BatchSize = 200;

    public static PostPublished Published(PostResponse post, string communityVisibility) => new(
        post.Id, post.CommunityId, communityVisibility, post.Type, post.Title, post.Body, post.Tags,
        post.AuthorId, post.AuthorDepartment, post.Version, post.CreatedAt, post.UpdatedAt);

    public static PostUpdated Updated(PostResponse post, string communityVisibility) => new(
        post.Id, post.CommunityId, communityVisibility, post.Type, post.Title, post.Body, post.Tags,
        post.AuthorId, post.AuthorDepartment, post.Version, post.CreatedAt, post.UpdatedAt);

    /// <summary>
    /// Enqueues a PostUpdated with the current state of every post of a community, reading them in
    /// batches so a large community never sits in memory at once. Returns how many there were.
    /// <paramref name="replayOf"/> names the reindex they answer, if any.
    /// </summary>
    public static async Task<int> EnqueueAllUpdatedAsync(
        UnitOfWork work,
        Outbox<CommunitiesDatabase> outbox,
        Guid communityId,
        string communityVisibility,
        Guid? replayOf)
    {
        var count = 0;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await PostReader.ReadAsync(
                work,
                $"WHERE p.community_id = @CommunityId AND p.id > @After ORDER BY p.id LIMIT {BatchSize}",
                new { CommunityId = communityId, After = after });
            await outbox.EnqueueAllAsync(work, batch.Select(post => Updated(post, communityVisibility) with { ReplayOf = replayOf }));

            count += batch.Count;
            if (batch.Count < BatchSize)
            {
                return count;
            }

            after = batch[^1].Id;
        }
    }
}
