using System.Data.Common;
using Dapper;

namespace KnowledgeHub.Data;

/// <summary>
/// One conversation with a module's database: its connection, the transaction if there is one, the
/// SQL dialect and the caller's cancellation, behind the few verbs the modules need. Feature code
/// passes a session around instead of a connection, a transaction, a dialect and a token.
/// </summary>
public class DbSession : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;

    internal DbSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, CancellationToken cancellationToken)
    {
        _connection = connection;
        _transaction = transaction;
        Dialect = dialect;
        CancellationToken = cancellationToken;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The caller's cancellation, applied to every command of the session.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Every row, mapped to <typeparamref name="T"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        (await _connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    /// <summary>Every row, read as two types split at the column <paramref name="splitOn"/> names and joined by <paramref name="map"/>.</summary>
    public async Task<IReadOnlyList<TResult>> QueryAsync<TFirst, TSecond, TResult>(
        string sql, object? parameters, Func<TFirst, TSecond, TResult> map, string splitOn) =>
        (await _connection.QueryAsync(Command(sql, parameters), map, splitOn)).AsList();

    /// <summary>The only row, or default when there is none; more than one row is a bug and throws.</summary>
    public Task<T?> QueryOneAsync<T>(string sql, object? parameters = null) =>
        _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    /// <summary>The only row (an INSERT's RETURNING, an aggregate); none or more than one is a bug and throws.</summary>
    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        _connection.QuerySingleAsync<T>(Command(sql, parameters));

    /// <summary>Several result sets from one round trip, read in order.</summary>
    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? parameters = null) =>
        _connection.QueryMultipleAsync(Command(sql, parameters));

    /// <summary>Runs a statement and answers how many rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        _connection.ExecuteAsync(Command(sql, parameters));

    /// <summary>The first column of the first row, or default when there is none.</summary>
    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) =>
        _connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    /// <summary>
    /// Lends the connection and the transaction to one Dapper call written out at the call site, for
    /// Dapper's source generator to map at build time (ADR 0107): the row type, the parameters and the
    /// transaction given back. Nothing else may keep or use the connection.
    /// </summary>
    /// <remarks>
    /// A cancelled session runs no such call. The generator takes a cancellation only from a
    /// <see cref="CancellationToken"/> member of an anonymous parameters object that also carries a parameter,
    /// with a statement it can read at build time; a call that can pass it (<c>new { Id = id,
    /// session.CancellationToken }</c>) should, so that a statement already running is stopped too.
    /// </remarks>
    public Task<T> MappedAtBuildAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> call)
    {
        CancellationToken.ThrowIfCancellationRequested();
        return call(_connection, _transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Rolls back what was not committed and returns the connection to its pool.</summary>
    protected virtual async ValueTask DisposeCoreAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    /// <summary>The transaction a <see cref="UnitOfWork"/> commits; feature code never sees it.</summary>
    private protected DbTransaction? CurrentTransaction => _transaction;

    /// <summary>The connection, for the verbs of a <see cref="UnitOfWork"/> that Dapper does not offer.</summary>
    private protected DbConnection Connection => _connection;

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, _transaction, cancellationToken: CancellationToken);
}
