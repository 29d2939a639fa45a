using System.Data.Common;

namespace KnowledgeHub.Data;

/// <summary>A connection with one open transaction; disposing without <see cref="CommitAsync"/> rolls back.</summary>
public sealed class UnitOfWork(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    private List<Action>? _afterCommit;

    /// <summary>Runs <paramref name="action"/> once the transaction has committed, never if it rolls back.</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await Transaction.CommitAsync(cancellationToken);
        foreach (var action in _afterCommit ?? [])
        {
            action();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
