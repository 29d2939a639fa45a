using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KnowledgeHub.Data;

/// <summary>
/// The database one module owns. Each module derives its own sealed type so that several modules
/// can live in one process (standalone) without ever sharing a connection string.
/// </summary>
public abstract class ModuleDatabase : IAsyncDisposable
{
    // Made once, up front: creating it lazily on first use let two concurrent first calls make two pools.
    private readonly NpgsqlDataSource? _postgres;

    protected ModuleDatabase(ModuleDatabaseSettings settings)
    {
        Settings = settings;
        Dialect = settings.Provider == DatabaseProvider.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;
        _postgres = settings.Provider == DatabaseProvider.Postgres ? NpgsqlDataSource.Create(PostgresSessionOptions.Apply(settings.ConnectionString)) : null;
        DapperTypeHandlers.EnsureRegistered();
    }

    public ModuleDatabaseSettings Settings { get; }

    public SqlDialect Dialect { get; }

    /// <summary>A bare open connection, for tests that probe a module's tables; services use a session.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(Settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A session without a transaction, for reads.</summary>
    public async Task<DbSession> OpenSessionAsync(CancellationToken cancellationToken = default) =>
        new(await OpenAsync(cancellationToken), null, Dialect, cancellationToken);

    /// <summary>A session in a transaction that takes the write lock up front.</summary>
    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            var connection = await _postgres.OpenConnectionAsync(cancellationToken);
            try
            {
                return new UnitOfWork(connection, await connection.BeginTransactionAsync(cancellationToken), Dialect, cancellationToken, turn: null);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        return await BeginSqliteAsync(cancellationToken);
    }

    private async Task<UnitOfWork> BeginSqliteAsync(CancellationToken cancellationToken)
    {
        var turn = await SqliteWriteGate.EnterAsync(Settings.ConnectionString, cancellationToken);
        SqliteConnection? connection = null;
        try
        {
            connection = new SqliteConnection(Settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            // BEGIN IMMEDIATE, so a read-then-write transaction never fails on lock upgrade.
            return new UnitOfWork(connection, connection.BeginTransaction(deferred: false), Dialect, cancellationToken, turn);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            turn.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
