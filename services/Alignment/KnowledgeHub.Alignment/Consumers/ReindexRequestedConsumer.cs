using Dapper;
using KnowledgeHub.Alignment.Features.Objectives;
using KnowledgeHub.Alignment.Features.Projects;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.Reindex;

namespace KnowledgeHub.Alignment.Consumers;

/// <summary>
/// Search is rebuilding its index: republish every project and objective as it is now, each naming
/// the reindex, then announce how many, all in one transaction through the outbox so the count and
/// the documents agree. A reindex is replayed once, however often its request arrives.
/// </summary>
internal sealed class ReindexRequestedConsumer(AlignmentDatabase database, Outbox<AlignmentDatabase> outbox, TimeProvider time)
    : InboxConsumer<AlignmentDatabase, ReindexRequested>(database, time)
{
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

        var projects = await ProjectReader.ReadAsync(
            work, "ORDER BY p.created_at, p.id", new DynamicParameters());
        var objectives = await ObjectiveReader.ReadAsync(
            work, "ORDER BY o.created_at, o.id", new { }, detailed: false);

        await outbox.EnqueueAllAsync(work, projects.Select(project => ProjectEvents.Changed(project) with { ReplayOf = message.ReindexId }));
        await outbox.EnqueueAllAsync(work, objectives.Select(objective => ObjectiveEvents.Changed(objective) with { ReplayOf = message.ReindexId }));

        // Announced last, with what was enqueued: Search counts the replayed documents by their ReplayOf, in any order.
        await ReindexReplay.AnnounceAsync(work, outbox, message.ReindexId, AlignmentModule.Name, projects.Count + objectives.Count, _time);
    }
}
