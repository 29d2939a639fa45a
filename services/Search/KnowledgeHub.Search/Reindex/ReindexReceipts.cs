using KnowledgeHub.Data;

namespace KnowledgeHub.Search.Reindex;

/// <summary>
/// The replayed documents a rebuild has received, one row per service and document (ADR 0046, 0080),
/// recorded in the consumer's inbox transaction with the stored document: whichever instance consumed
/// it, the count holds exactly what committed.
/// </summary>
internal static class ReindexReceipts
{
    private const string ReceiveSql = """
        INSERT INTO reindex_receipts (reindex_id, service, doc_key, received_at)
        SELECT @Id, @Service, @Key, @Now
        WHERE EXISTS (SELECT 1 FROM reindex_runs WHERE reindex_id = @Id AND state = 'running')
        ON CONFLICT (reindex_id, doc_key, service) DO NOTHING
        """;

    public static Task RecordAsync(UnitOfWork work, Guid reindexId, string service, string key, TimeProvider time) =>
        work.ExecuteAsync(ReceiveSql, new { Id = reindexId, Service = service, Key = key, Now = time.UtcNowForDatabase() });
}
