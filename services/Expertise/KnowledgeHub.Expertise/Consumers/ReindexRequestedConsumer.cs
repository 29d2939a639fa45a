using Dapper;
using KnowledgeHub.Contracts.Search;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.Messaging.Reindex;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// Search's reindex protocol: in one transaction, announce how many people follow, then publish
/// every person's current profile (current version) through the outbox. A request already
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

        var total = await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM people", transaction: work.Transaction, cancellationToken: cancellationToken));
        await ReindexReplay.AnnounceAsync(work, _outbox, message.ReindexId, ExpertiseModule.Name, total, _time, cancellationToken);

        var after = Guid.Empty;
        while (true)
        {
            var ids = (await work.Connection.QueryAsync<Guid>(new CommandDefinition(
                $"SELECT id FROM people WHERE id > @After ORDER BY id LIMIT {Batch}",
                new { After = after },
                work.Transaction,
                cancellationToken: cancellationToken))).ToArray();
            if (ids.Length == 0)
            {
                return;
            }

            await _people.PublishAllAsync(work, ids, cancellationToken);
            after = ids[^1];
        }
    }
}
