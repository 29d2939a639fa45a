using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KnowledgeHub.Data;

public static class DbErrors
{
    /// <summary>A unique constraint refused the row: two writers raced for the same key.</summary>
    public static bool IsUniqueViolation(this DbException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
