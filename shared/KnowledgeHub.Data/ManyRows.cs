using System.Data.Common;
using System.Text;
using Dapper;

namespace KnowledgeHub.Data;

/// <summary>
/// Many rows written by one call, each engine the way it does it fastest (ADR 0105). On
/// PostgreSQL every statement is a round trip, so one carries as many rows as fit in 1,000
/// parameters. SQLite runs in process: there a statement holding many rows cost more than the round
/// trips it saves (it is prepared again for every call, and Microsoft.Data.Sqlite finds each
/// parameter by name among all of the statement's), so the statement holds one row's values, is
/// prepared once and runs once per row.
/// </summary>
internal static class ManyRows
{
    private const int PostgresParametersPerStatement = 1000;

    private const string Placeholder = "{rows}";

    public static Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.FromResult(0);
        }

        return dialect.Provider == DatabaseProvider.Postgres
            ? ManyPerStatementAsync(connection, transaction, sql, rows, cancellationToken)
            : OnePreparedStatementPerRowAsync(connection, transaction, sql, rows, cancellationToken);
    }

    private static async Task<int> ManyPerStatementAsync(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var affected = 0;
        var width = rows[0].Length;
        foreach (var chunk in rows.Chunk(Math.Max(1, PostgresParametersPerStatement / width)))
        {
            var parameters = new DynamicParameters();
            var tuples = new StringBuilder();
            for (var row = 0; row < chunk.Length; row++)
            {
                tuples.Append(row == 0 ? "" : ", ").Append(Tuple(row, width));
                for (var column = 0; column < width; column++)
                {
                    parameters.Add(ParameterName(row, column), chunk[row][column]);
                }
            }

            affected += await connection.ExecuteAsync(new CommandDefinition(
                sql.Replace(Placeholder, tuples.ToString(), StringComparison.Ordinal), parameters, transaction, cancellationToken: cancellationToken));
        }

        return affected;
    }

    private static async Task<int> OnePreparedStatementPerRowAsync(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var width = rows[0].Length;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.Replace(Placeholder, Tuple(0, width), StringComparison.Ordinal);
        for (var column = 0; column < width; column++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = ParameterName(0, column);
            command.Parameters.Add(parameter);
        }

        // Microsoft.Data.Sqlite keeps a command's prepared statement while its text stays the same.
        var affected = 0;
        foreach (var row in rows)
        {
            for (var column = 0; column < width; column++)
            {
                DapperTypeHandlers.SetValue(command.Parameters[column], row[column]);
            }

            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return affected;
    }

    private static string Tuple(int row, int width) =>
        $"({string.Join(", ", Enumerable.Range(0, width).Select(column => "@" + ParameterName(row, column)))})";

    private static string ParameterName(int row, int column) => $"r{row}c{column}";
}
