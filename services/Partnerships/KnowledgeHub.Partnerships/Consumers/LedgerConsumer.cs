using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>
/// A consumer that changes the collaboration record or what it depends on. Each piece of help is
/// resolved against other people's department history, hidden evidence and communities, which other
/// messages change at the same moment; so a change of those applies alone, as SQLite's write
/// transactions already do, and each sees everything committed before it (ADR 0050). Consumers that
/// only add or change pieces of help override <see cref="TakeTurnAsync"/> to run side by side (ADR 0077).
/// Reads never wait.
/// </summary>
internal abstract class LedgerConsumer<TMessage>(PartnershipsDatabase database, TimeProvider time)
    : InboxConsumer<PartnershipsDatabase, TMessage>(database, time)
    where TMessage : class
{
    protected sealed override async Task ApplyAsync(UnitOfWork work, TMessage message, CancellationToken cancellationToken)
    {
        await TakeTurnAsync(work, message);
        await ApplyInTurnAsync(work, message);
    }

    /// <summary>By default the whole record's turn, alone (<see cref="LedgerTurn.TakeAsync"/>).</summary>
    protected virtual Task TakeTurnAsync(UnitOfWork work, TMessage message) => LedgerTurn.TakeAsync(work);

    /// <summary>Applies the message once every earlier change to the record has committed.</summary>
    protected abstract Task ApplyInTurnAsync(UnitOfWork work, TMessage message);
}

/// <summary>The turn every writer of the collaboration record takes, held until its transaction ends.</summary>
internal static class LedgerTurn
{
    /// <summary>The key of the PostgreSQL advisory lock on the whole record, held for the transaction.</summary>
    private const long LedgerLock = 0x5041_5254_4E45_52; // "PARTNER"

    /// <summary>The key space of the per-piece locks (PostgreSQL's two-key advisory locks never meet the one-key ones).</summary>
    private const int PieceLocks = 0x5049_4543; // "PIEC"

    /// <summary>The whole record, alone: for changes of what pieces of help depend on.</summary>
    public static async Task TakeAsync(UnitOfWork work)
    {
        if (work.Dialect.Provider == DatabaseProvider.Postgres)
        {
            await work.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = LedgerLock });
        }
    }

    /// <summary>
    /// The record shared with other pieces of help, and <paramref name="piece"/> alone: for consumers
    /// that add or change the help of one question, endorsement or project membership and only read
    /// what the whole-record changes write. Pieces meet only in the aggregates, whose upserts add
    /// deltas and so commute; two messages about one piece (an answer and its acceptance) still queue.
    /// </summary>
    public static async Task TakeForPieceAsync(UnitOfWork work, string piece)
    {
        if (work.Dialect.Provider == DatabaseProvider.Postgres)
        {
            await work.ExecuteAsync(
                "SELECT pg_advisory_xact_lock_shared(@Key), pg_advisory_xact_lock(@Space, hashtext(@Piece))",
                new { Key = LedgerLock, Space = PieceLocks, Piece = piece });
        }
    }
}
