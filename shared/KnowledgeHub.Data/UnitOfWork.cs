using System.Data.Common;

namespace KnowledgeHub.Data;

/// <summary>A session inside one transaction; disposing without <see cref="CommitAsync"/> rolls back.</summary>
public sealed class UnitOfWork : DbSession
{
    private List<Action>? _afterCommit;

    internal UnitOfWork(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken)
        : base(connection, transaction, dialect, cancellationToken)
    {
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
}
