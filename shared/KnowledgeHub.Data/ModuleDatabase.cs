using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KnowledgeHub.Data;

/// <summary>
/// The database one module owns. Each module derives its own sealed type so that several modules
/// can live in one process (standalone) without ever sharing a connection string.
/// </summary>
public abstract class ModuleDatabase
{
    private NpgsqlDataSource? _postgres;

    protected ModuleDatabase(ModuleDatabaseSettings settings)
    {
        Settings = settings;
        Dialect = settings.Provider == DatabaseProvider.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;
        DapperTypeHandlers.EnsureRegistered();
    }

    public ModuleDatabaseSettings Settings { get; }

    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Settings.Provider == DatabaseProvider.Postgres)
        {
            _postgres ??= NpgsqlDataSource.Create(Settings.ConnectionString);
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(Settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Opens a connection and starts a transaction that takes the write lock up front.</summary>
    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            // SQLite: BEGIN IMMEDIATE, so a read-then-write transaction never fails on lock upgrade.
            var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(cancellationToken);
            return new UnitOfWork(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
