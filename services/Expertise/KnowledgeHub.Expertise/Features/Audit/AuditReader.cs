using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>Reads the trail oldest first in batches, so a check or an export of any length holds one batch in memory.</summary>
internal static class AuditReader
{
    private const int BatchSize = 1000;

    public static async IAsyncEnumerable<AuditRow> OldestFirstAsync(DbSession session, AuditQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sql = new StringBuilder($"SELECT {AuditRow.Columns} FROM audit_entries WHERE seq > @After");
            var parameters = new DynamicParameters(new { After = after, Take = BatchSize });
            query?.AppendTo(sql, parameters);
            sql.Append(" ORDER BY seq LIMIT @Take");
            var batch = await session.QueryAsync<AuditRow>(sql.ToString(), parameters);
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch[^1].Seq;
        }
    }
}
