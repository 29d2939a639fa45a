using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.Reindex;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// Search's reindex protocol: in one transaction, publish every person's current profile (current
/// version) naming the reindex, then announce how many, through the outbox. A request already
/// answered (a replay under a new message id) republishes nothing.
/// </summary>
internal sealed class ReindexRequestedConsumer : InboxConsumer<ExpertiseDatabase, ReindexRequested>
{
    private const int Batch = 500;

    private readonly TimeProvider _time;
    private readonly Outbox<ExpertiseDatabase> _outbox;
    private readonly PersonChanges _people;

    public ReindexRequestedConsumer(ExpertiseDatabase database, TimeProvider time, Outbox<ExpertiseDatabase> outbox, PersonChanges people)
        : base(database, time)
    {
        _time = time;
        _outbox = outbox;
        _people = people;
    }

    protected override async Task ApplyAsync(UnitOfWork work, ReindexRequested message, CancellationToken cancellationToken)
    {
        EventChecks.RequireId(message.ReindexId, "reindex id", nameof(ReindexRequested));
        if (!await ReindexReplay.ClaimAsync(work, message.ReindexId, _time))
        {
            return;
        }

        var total = 0;
        var after = Guid.Empty;
        while (true)
        {
            var ids = (await work.QueryAsync<Guid>(
                $"SELECT id FROM people WHERE id > @After ORDER BY id LIMIT {Batch}",
                new { After = after })).ToArray();
            if (ids.Length == 0)
            {
                break;
            }

            total += await _people.PublishAllAsync(work, ids, message.ReindexId);
            after = ids[^1];
        }

        // Announced last, with what was enqueued: Search counts the replayed profiles by their ReplayOf, in any order.
        await ReindexReplay.AnnounceAsync(work, _outbox, message.ReindexId, ExpertiseModule.Name, total, _time);
    }
}
