using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Audit;

/// <summary>Appends to the hash-chained audit trail (ADR 0069).</summary>
internal static class AuditLog
{
    private sealed record Head(long LastSeq, string LastHash);

    public static async Task AppendAsync(UnitOfWork work, ActionAudited action)
    {
        // Moving the head first takes its row lock (PostgreSQL) or the write lock (SQLite) until
        // commit: appends are serialized, positions have no gaps and each links to its predecessor.
        var head = await work.QuerySingleAsync<Head>(
            "UPDATE audit_chain SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq AS LastSeq, last_hash AS LastHash");
        var details = AuditChain.CanonicalDetails(action.Details ?? new Dictionary<string, string>());
        var row = new AuditRow
        {
            Seq = head.LastSeq,
            Id = action.Id,
            At = action.At.AddTicks(-(action.At.Ticks % TimeSpan.TicksPerMicrosecond)),
            Actor = action.Actor,
            Action = action.Action,
            Target = action.Target,
            Service = action.Service,
            Details = details,
            DetailsDigest = AuditChain.Digest(details),
            PreviousHash = head.LastHash,
            Hash = "",
        };
        var hash = AuditChain.HashOf(row);
        await work.ExecuteAsync(
            """
            INSERT INTO audit_entries (seq, id, at, actor, action, target, service, details, details_digest, previous_hash, hash)
            VALUES (@Seq, @Id, @At, @Actor, @Action, @Target, @Service, @Details, @DetailsDigest, @PreviousHash, @Hash)
            """,
            new { row.Seq, row.Id, row.At, row.Actor, row.Action, row.Target, row.Service, row.Details, row.DetailsDigest, row.PreviousHash, Hash = hash });
        await work.ExecuteAsync("UPDATE audit_chain SET last_hash = @Hash WHERE id = 1", new { Hash = hash });
    }
}
