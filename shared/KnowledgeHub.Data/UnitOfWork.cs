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
