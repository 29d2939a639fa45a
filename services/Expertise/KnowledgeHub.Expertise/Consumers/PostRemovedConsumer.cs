using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// A removed post takes its evidence and its answers' evidence with it. The post is kept as a
/// tombstone, so a late or replayed event about it or its answers brings nothing back.
/// </summary>
internal sealed class PostRemovedConsumer(ExpertiseDatabase database, TimeProvider time, CommunityEvidence evidence)
    : InboxConsumer<ExpertiseDatabase, PostRemoved>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, PostRemoved message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.PostId, "post id", nameof(PostRemoved));
        EventChecks.RequireId(message.CommunityId, "community id", nameof(PostRemoved));
        var removed = await work.ExecuteAsync(
            """
            INSERT INTO community_posts (post_id, community_id, author_id, type, title, tags, visibility, version, removed, created_at)
            VALUES (@PostId, @CommunityId, @AuthorId, '', '', '', 'closed', @Version, true, @RemovedAt)
            ON CONFLICT (post_id) DO UPDATE SET removed = true, title = '', tags = ''
            WHERE NOT community_posts.removed
            """,
            new { message.PostId, message.CommunityId, message.AuthorId, message.Version, message.RemovedAt });
        if (removed == 0)
        {
            return;
        }

        await evidence.RebuildPostAsync(work, message.PostId);
        await evidence.RebuildAnswersOfPostAsync(work, message.PostId);
    }
}
