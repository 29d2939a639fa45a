using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>
/// A consumer that changes the collaboration record or what it depends on. Each piece of help is
/// resolved against other people's department history, hidden evidence and communities, which other
/// messages change at the same moment; so these consumers apply one at a time, as SQLite's write
/// transactions already do, and each sees everything committed before it (ADR 0050). Reads never wait.
/// </summary>
internal abstract class LedgerConsumer<TMessage>(PartnershipsDatabase database, TimeProvider time)
    : InboxConsumer<PartnershipsDatabase, TMessage>(database, time)
    where TMessage : class
{
    protected sealed override async Task ApplyAsync(UnitOfWork work, TMessage message, CancellationToken cancellationToken)
    {
        await LedgerTurn.TakeAsync(work);
        await ApplyInTurnAsync(work, message);
    }

    /// <summary>Applies the message once every earlier change to the record has committed.</summary>
    protected abstract Task ApplyInTurnAsync(UnitOfWork work, TMessage message);
}

/// <summary>The turn every writer of the collaboration record takes, held until its transaction ends.</summary>
internal static class LedgerTurn
{
    /// <summary>The key of the PostgreSQL advisory lock held for the transaction.</summary>
    private const long LedgerLock = 0x5041_5254_4E45_52; // "PARTNER"

    public static async Task TakeAsync(UnitOfWork work)
    {
        if (work.Dialect.Provider == DatabaseProvider.Postgres)
        {
            await work.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = LedgerLock });
        }
    }
}
