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
/// Search is rebuilding its index: announce how many documents follow, then republish every
/// community and post as it is now, all in one transaction through the outbox. A reindex is
/// replayed once, however often its request arrives.
/// </summary>
internal sealed class ReindexRequestedConsumer(CommunitiesDatabase database, Outbox<CommunitiesDatabase> outbox, TimeProvider time)
    : InboxConsumer<CommunitiesDatabase, ReindexRequested>(database, time)
{
    // Fields, not captured parameters: the base class keeps its own copies.
    private readonly SqlDialect _dialect = database.Dialect;
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

        var total = await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT (SELECT count(*) FROM communities) + (SELECT count(*) FROM posts)", transaction: work.Transaction, cancellationToken: cancellationToken));
        await ReindexReplay.AnnounceAsync(work, outbox, message.ReindexId, CommunitiesModule.Name, total, _time, cancellationToken);

        var communities = await CommunityReader.ReadAsync(
            work.Connection, _dialect, "ORDER BY c.id", new DynamicParameters(), Guid.Empty, cancellationToken, work.Transaction);
        foreach (var community in communities)
        {
            await outbox.EnqueueAsync(work, CommunityEvents.Changed(community), cancellationToken);
        }

        foreach (var community in communities)
        {
            await PostEvents.EnqueueAllUpdatedAsync(work, _dialect, outbox, community.Id, community.Visibility, cancellationToken);
        }
    }
}
