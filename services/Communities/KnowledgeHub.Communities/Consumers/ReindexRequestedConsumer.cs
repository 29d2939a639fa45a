using Dapper;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.Reindex;

namespace KnowledgeHub.Communities.Consumers;

/// <summary>
/// Search is rebuilding its index: republish every community and post as it is now, each naming the
/// reindex, then announce how many there were, all in one transaction through the outbox. A reindex is
/// replayed once, however often its request arrives.
/// </summary>
internal sealed class ReindexRequestedConsumer(CommunitiesDatabase database, Outbox<CommunitiesDatabase> outbox, TimeProvider time)
    : InboxConsumer<CommunitiesDatabase, ReindexRequested>(database, time)
{
    // Fields, not captured parameters: the base class keeps its own copies.
    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, ReindexRequested message, CancellationToken cancellationToken)
    {
        if (message.ReindexId == Guid.Empty)
        {
            throw new InvalidEventException("A ReindexRequested needs a reindex id.");
        }

        if (!await ReindexReplay.ClaimAsync(work, message.ReindexId, _time))
        {
            return;
        }

        var communities = await CommunityReader.ReadAsync(
            work, "ORDER BY c.id", new DynamicParameters(), Guid.Empty);
        await outbox.EnqueueAllAsync(work, communities.Select(community => CommunityEvents.Changed(community) with { ReplayOf = message.ReindexId }));

        var total = communities.Count;
        foreach (var community in communities)
        {
            total += await PostEvents.EnqueueAllUpdatedAsync(work, outbox, community.Id, community.Visibility, message.ReindexId);
        }

        // Announced last, with what was enqueued: Search counts the replayed messages by their ReplayOf, in any order.
        await ReindexReplay.AnnounceAsync(work, outbox, message.ReindexId, CommunitiesModule.Name, total, _time);
    }
}
