using System.Text.Json;
using KnowledgeHub.Data;
using KnowledgeHub.Search.Index;
using KnowledgeHub.Search.Reindex;

namespace KnowledgeHub.Search.Feed;

/// <summary>
/// Where consumers write, inside their inbox transaction: the document's latest version in
/// <c>search_documents</c> and, when it changed, the next position of <c>search_feed</c>. An upsert
/// wins only with a higher version, a removal with at least the same one (leaving a tombstone),
/// so a redelivered, replayed or late event changes nothing and appends nothing. The followers
/// carry the feed into every instance's index (<see cref="SearchFeedFollower"/>).
/// </summary>
internal sealed class SearchFeed(SearchFeedSignal signal, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string StoreSql = """
        INSERT INTO search_documents (doc_key, owner, version, removed, body, changed_at, seen_at)
        VALUES (@Key, @Owner, @Version, @Removed, @Body, @Now, @Now)
        ON CONFLICT (doc_key) DO UPDATE
        SET owner = excluded.owner, version = excluded.version, removed = excluded.removed, body = excluded.body,
            changed_at = excluded.changed_at, seen_at = excluded.seen_at
        WHERE search_documents.version < excluded.version
           OR (search_documents.version = excluded.version AND search_documents.removed = 0 AND excluded.removed = 1)
        """;

    private const string SeenSql = "UPDATE search_documents SET seen_at = @Now WHERE doc_key = @Key";

    // The counter row's lock is held until commit, so the next writer gets the next position only
    // after this one committed: readers never see a later position before an earlier one. Taken and
    // used in one round trip, the last before the commit: every writer of the Search database queues
    // for this row, so each round trip made while holding it is paid by every writer waiting (ADR 0113).
    private const string AppendSql = """
        UPDATE search_feed_head SET position = position + 1 WHERE singleton = 1;
        INSERT INTO search_feed (position, doc_key, appended_at) SELECT position, @Key, @Now FROM search_feed_head WHERE singleton = 1;
        """;

    /// <summary>Stores a document's new state; <paramref name="replayOf"/> names the rebuild whose replay carried it, if any.</summary>
    public async Task UpsertAsync(UnitOfWork work, string owner, SearchDocument document, Guid? replayOf)
    {
        if (replayOf is { } reindexId)
        {
            await ReindexReceipts.RecordAsync(work, reindexId, owner, document.Key, time);
        }

        await StoreAsync(work, owner, document.Key, document.Version, removed: false, JsonSerializer.Serialize(document, Json));
    }

    /// <summary>Removes a document, leaving a tombstone at its version; <paramref name="replayOf"/> as for <see cref="UpsertAsync"/>.</summary>
    public async Task RemoveAsync(UnitOfWork work, string owner, DocumentRemoval removal, Guid? replayOf = null)
    {
        if (replayOf is { } reindexId)
        {
            await ReindexReceipts.RecordAsync(work, reindexId, owner, removal.Key, time);
        }

        await StoreAsync(work, owner, removal.Key, removal.Version, removed: true, JsonSerializer.Serialize(removal, Json));
    }

    /// <summary>
    /// Removes, through the feed, the documents of <paramref name="owners"/> that no event named
    /// since <paramref name="since"/> and no replay of <paramref name="reindexId"/> named: a rebuild's
    /// replay names every document its owner still has, so what it did not name was deleted without
    /// Search hearing of it. The receipts protect replayed documents whatever the instances' clocks.
    /// </summary>
    public async Task<int> RemoveUnseenAsync(UnitOfWork work, Guid reindexId, IReadOnlyList<string> owners, DateTimeOffset since)
    {
        var stale = await work.QueryAsync<StaleDocument>(
            $"""
            SELECT doc_key AS DocKey, owner AS Owner, version AS Version, body AS Body
            FROM search_documents
            WHERE removed = 0 AND seen_at < @Since AND {work.Dialect.InList("owner", "@Owners")}
              AND NOT EXISTS (SELECT 1 FROM reindex_receipts r WHERE r.reindex_id = @ReindexId AND r.doc_key = search_documents.doc_key)
            """,
            new { Since = since, Owners = owners.ToArray(), ReindexId = reindexId });
        foreach (var document in stale)
        {
            var live = JsonSerializer.Deserialize<SearchDocument>(document.Body, Json)!;
            await StoreAsync(work, document.Owner, document.DocKey, document.Version, removed: true, JsonSerializer.Serialize(new DocumentRemoval(live.Type, live.Id, document.Version, time.GetUtcNow()), Json));
        }

        return stale.Count;
    }

    private async Task StoreAsync(UnitOfWork work, string owner, string key, long version, bool removed, string body)
    {
        var now = time.UtcNowForDatabase();
        var changed = await work.ExecuteAsync(
            StoreSql,
            new { Key = key, Owner = owner, Version = version, Removed = removed ? 1 : 0, Body = body, Now = now });
        if (changed == 0)
        {
            await work.ExecuteAsync(SeenSql, new { Key = key, Now = now });
            return;
        }

        await work.ExecuteAsync(AppendSql, new { Key = key, Now = now });
        work.AfterCommit(signal.Notify);
    }

    private sealed class StaleDocument
    {
        public string DocKey { get; set; } = "";

        public string Owner { get; set; } = "";

        public long Version { get; set; }

        public string Body { get; set; } = "";
    }
}
