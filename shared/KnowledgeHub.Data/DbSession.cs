using System.Data;
using System.Data.Common;
using Dapper;

namespace KnowledgeHub.Data;

/// <summary>
/// One conversation with a module's database: its connection, the transaction if there is one, the
/// SQL dialect and the caller's cancellation, behind the few verbs the modules need. Feature code
/// passes a session around instead of a connection, a transaction, a dialect and a token.
/// <para>
/// The typed reads reuse what Dapper generated for the same SQL before (<see cref="ReadPlan"/>, ADR 0085):
/// its parameter binder and row parser, without its per-call identity, cache lookup and column-name hash.
/// </para>
/// </summary>
public class DbSession : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly ReadPlans _plans;

    internal DbSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, ReadPlans plans, CancellationToken cancellationToken)
    {
        _connection = connection;
        _transaction = transaction;
        _plans = plans;
        Dialect = dialect;
        CancellationToken = cancellationToken;
    }

    public SqlDialect Dialect { get; }

    /// <summary>The caller's cancellation, applied to every command of the session.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Every row, mapped to <typeparamref name="T"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        var plan = _plans.For(_connection, sql, typeof(T), parameters);
        if (plan is null)
        {
            return (await _connection.QueryAsync<T>(Command(sql, parameters))).AsList();
        }

        await using var command = plan.Command(_connection, _transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleResult, CancellationToken);
        var rows = new List<T>();
        if (reader.FieldCount == 0)
        {
            return rows;
        }

        // As Dapper: the parser is chosen before the first row, for the shape the reader reports then.
        var parse = plan.Parser(reader);
        while (await reader.ReadAsync(CancellationToken))
        {
            rows.Add(RowValue.As<T>(parse(reader), reader));
        }

        return rows;
    }

    /// <summary>Every row, read as two types split at the column <paramref name="splitOn"/> names and joined by <paramref name="map"/>.</summary>
    public async Task<IReadOnlyList<TResult>> QueryAsync<TFirst, TSecond, TResult>(
        string sql, object? parameters, Func<TFirst, TSecond, TResult> map, string splitOn) =>
        (await _connection.QueryAsync(Command(sql, parameters), map, splitOn)).AsList();

    /// <summary>The only row, or default when there is none; more than one row is a bug and throws.</summary>
    public async Task<T?> QueryOneAsync<T>(string sql, object? parameters = null) =>
        _plans.For(_connection, sql, typeof(T), parameters) is { } plan
            ? await ReadOnlyRowAsync<T>(plan, sql, parameters, demandRow: false)
            : await _connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    /// <summary>The only row (an INSERT's RETURNING, an aggregate); none or more than one is a bug and throws.</summary>
    public async Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        _plans.For(_connection, sql, typeof(T), parameters) is { } plan
            ? await ReadOnlyRowAsync<T>(plan, sql, parameters, demandRow: true)
            : await _connection.QuerySingleAsync<T>(Command(sql, parameters));

    /// <summary>Several result sets from one round trip, read in order.</summary>
    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? parameters = null) =>
        _connection.QueryMultipleAsync(Command(sql, parameters));

    /// <summary>Runs a statement and answers how many rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        _connection.ExecuteAsync(Command(sql, parameters));

    /// <summary>The first column of the first row, or default when there is none.</summary>
    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) =>
        _connection.ExecuteScalarAsync<T>(Command(sql, parameters));

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

    /// <summary>The one row, with Dapper's exceptions for a second row and, if demanded, for none.</summary>
    private async Task<T> ReadOnlyRowAsync<T>(ReadPlan plan, string sql, object? parameters, bool demandRow)
    {
        await using var command = plan.Command(_connection, _transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleResult, CancellationToken);
        if (await reader.ReadAsync(CancellationToken) && reader.FieldCount != 0)
        {
            var row = RowValue.As<T>(plan.Parser(reader)(reader), reader);
            if (await reader.ReadAsync(CancellationToken))
            {
                throw new InvalidOperationException("Sequence contains more than one element");
            }

            return row;
        }

        return demandRow ? throw new InvalidOperationException("Sequence contains no elements") : default!;
    }

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, _transaction, cancellationToken: CancellationToken);
}
