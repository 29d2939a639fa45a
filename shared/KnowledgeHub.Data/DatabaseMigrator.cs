using System.Data.Common;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Npgsql;

namespace KnowledgeHub.Data;

/// <summary>Applies a module's SQL migrations for its provider, once each, in order.</summary>
public static class DatabaseMigrator
{
    public static void Migrate(ModuleDatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            MigratePostgres(settings);
        }
        else
        {
            UseWriteAheadLog(settings.ConnectionString);
            Run(DeployChanges.To.SqliteDatabase(settings.ConnectionString), settings);
        }
    }

    private static void UseWriteAheadLog(string connectionString)
    {
        // WAL lets readers proceed while one writer commits; the mode is stored in the file itself.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL");
    }

    private static void MigratePostgres(ModuleDatabaseSettings settings)
    {
        EnsureDatabase.For.PostgresqlDatabase(settings.ConnectionString, new DbUp.Engine.Output.NoOpUpgradeLog());

        // Several instances of a service may start at once; an advisory lock lets one migrate
        // while the others wait, instead of all of them racing on the same DDL.
        using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Open();
        var lockKey = StableLockKey(settings.Name);
        Execute(connection, $"SELECT pg_advisory_lock({lockKey})");
        try
        {
            Run(DeployChanges.To.PostgresqlDatabase(settings.ConnectionString), settings);
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({lockKey})");
        }
    }

    private static void Run(UpgradeEngineBuilder builder, ModuleDatabaseSettings settings)
    {
        var providerFolder = settings.Provider.ToString();
        for (var order = 0; order < settings.Migrations.Count; order++)
        {
            var source = settings.Migrations[order];
            var prefix = $"{source.Assembly.GetName().Name}.{source.Folder.Replace('/', '.')}.{providerFolder}.";
            builder = builder.WithScriptsEmbeddedInAssembly(
                source.Assembly,
                name => name.StartsWith(prefix, StringComparison.Ordinal),
                new SqlScriptOptions { RunGroupOrder = order });
        }

        var result = builder.WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migrating the '{settings.Name}' database failed at script '{result.ErrorScript?.Name}'.",
                result.Error);
        }
    }

    private static long StableLockKey(string name)
    {
        // string.GetHashCode is randomised per process; the lock key must agree across processes.
        long hash = 17;
        foreach (var character in name)
        {
            hash = unchecked((hash * 31) + character);
        }

        return hash;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
