using System.Text;
using Dapper;
using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise;

/// <summary>
/// Sends many rows in few statements: <c>{rows}</c> in the SQL becomes one parenthesised tuple of
/// parameters per row, as many rows per statement as <see cref="SqlDialect.ParametersPerStatement"/>
/// allows. A statement per row is what makes bulk work slow.
/// </summary>
internal static class MultiRow
{
    public static async Task<int> ExecuteAsync<T>(
        UnitOfWork work, string sql, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        var affected = 0;
        var materialized = rows.Select(values).ToList();
        if (materialized.Count == 0)
        {
            return 0;
        }

        foreach (var chunk in materialized.Chunk(Math.Max(1, work.Dialect.ParametersPerStatement / materialized[0].Length)))
        {
            var parameters = new DynamicParameters();
            var tuples = new StringBuilder();
            for (var row = 0; row < chunk.Length; row++)
            {
                tuples.Append(row == 0 ? "(" : ", (");
                var columns = chunk[row];
                for (var column = 0; column < columns.Length; column++)
                {
                    var name = $"r{row}c{column}";
                    tuples.Append(column == 0 ? "@" : ", @").Append(name);
                    parameters.Add(name, columns[column]);
                }

                tuples.Append(')');
            }

            affected += await work.ExecuteAsync(
                sql.Replace("{rows}", tuples.ToString(), StringComparison.Ordinal), parameters);
        }

        return affected;
    }
}
