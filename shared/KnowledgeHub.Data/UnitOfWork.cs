using System.Data.Common;

namespace KnowledgeHub.Data;

/// <summary>A session inside one transaction; disposing without <see cref="CommitAsync"/> rolls back.</summary>
public sealed class UnitOfWork : DbSession
{
    private readonly IDisposable? _turn;
    private List<Action>? _afterCommit;

    /// <param name="turn">On SQLite, this process's turn to write the file (<see cref="SqliteWriteGate"/>), ended with the session.</param>
    internal UnitOfWork(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken, IDisposable? turn)
        : base(connection, transaction, dialect, cancellationToken)
    {
        _turn = turn;
    }

    /// <summary>
    /// Holds the turn on <paramref name="id"/> in <paramref name="space"/> (a community, a person) until the
    /// transaction ends: alone, or <paramref name="shared"/> with other sharers. On PostgreSQL a two-key
    /// advisory transaction lock, taken in a statement of its own so that the next read's snapshot is
    /// taken once the turn is held; the lock manager queues a shared request behind an exclusive one
    /// already waiting (ADR 0087). On SQLite a write transaction already holds the process's only turn to
    /// write (<see cref="SqliteWriteGate"/>), so nothing more is taken.
    /// </summary>
    public async Task TakeTurnAsync(int space, Guid id, bool shared = false)
    {
        if (Dialect.Provider == DatabaseProvider.Postgres)
        {
            var lockFunction = shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock";
            await ExecuteAsync($"SELECT {lockFunction}(@Space, hashtext(@Id::text))", new { Space = space, Id = id });
        }
    }

    /// <summary>
    /// Writes many rows: <c>{rows}</c> in <paramref name="sql"/> stands for the rows' parenthesised values
    /// (<c>INSERT INTO t (a, b) VALUES {rows} ON CONFLICT ...</c>), <paramref name="values"/> gives each
    /// row's in the columns' order. Answers how many rows changed. A statement per row through Dapper is
    /// what makes bulk work slow; <see cref="ManyRows"/> says how each engine is given them.
    /// </summary>
    public Task<int> ExecuteRowsAsync<T>(string sql, IEnumerable<T> rows, Func<T, object?[]> values) =>
        ManyRows.ExecuteAsync(Connection, CurrentTransaction!, Dialect, sql, rows.Select(values).ToList(), CancellationToken);

    /// <summary>Runs <paramref name="action"/> once the transaction has committed, never if it rolls back.</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    public async Task CommitAsync()
    {
        await CurrentTransaction!.CommitAsync(CancellationToken);
        foreach (var action in _afterCommit ?? [])
        {
            action();
        }
    }

    /// <summary>Ends the session, then the turn to write: the next writer begins once this transaction is over.</summary>
    protected override async ValueTask DisposeCoreAsync()
    {
        try
        {
            await base.DisposeCoreAsync();
        }
        finally
        {
            _turn?.Dispose();
        }
    }
}
