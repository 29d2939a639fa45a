using System.Text.Json;
using KnowledgeHub.Data;
using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Feed;

/// <summary>
/// Reads the feed in position order, and the stored documents in key order for a rebuild, through a
/// session the caller opens once for all the reads of one pass: the follower reads after every local
/// commit, and each connection taken from the pool costs PostgreSQL a reset when it goes back.
/// </summary>
internal sealed class SearchFeedReader(SearchDatabase database)
{
    public const int BatchSize = 500;

    /// <summary>A session for one pass of reads.</summary>
    public Task<DbSession> OpenSessionAsync(CancellationToken cancellationToken) => database.OpenSessionAsync(cancellationToken);

    /// <summary>The last committed position: every position up to it is committed and readable.</summary>
    public Task<long> HeadAsync(DbSession session) =>
        session.ScalarAsync<long>("SELECT position FROM search_feed_head WHERE singleton = 1");

    /// <summary>The next entries after <paramref name="position"/>, each with its document's current state.</summary>
    public Task<IReadOnlyList<StoredDocument>> AfterAsync(DbSession session, long position) =>
        session.QueryAsync<StoredDocument>(
            """
            SELECT f.position AS Position, d.doc_key AS DocKey, d.removed AS Removed, d.body AS Body
            FROM search_feed f
            JOIN search_documents d ON d.doc_key = f.doc_key
            WHERE f.position > @Position
            ORDER BY f.position
            LIMIT @Limit
            """,
            new { Position = position, Limit = BatchSize });

    /// <summary>The stored documents and tombstones after <paramref name="key"/>, in key order.</summary>
    public Task<IReadOnlyList<StoredDocument>> DocumentsAfterAsync(DbSession session, string key) =>
        session.QueryAsync<StoredDocument>(
            """
            SELECT doc_key AS DocKey, removed AS Removed, body AS Body
            FROM search_documents
            WHERE doc_key > @Key
            ORDER BY doc_key
            LIMIT @Limit
            """,
            new { Key = key, Limit = BatchSize });
}

/// <summary>A row of <c>search_documents</c>, with its feed position when read from the feed.</summary>
internal sealed class StoredDocument
{
    public long Position { get; set; }

    public string DocKey { get; set; } = "";

    public long Removed { get; set; }

    public string Body { get; set; } = "";

    /// <summary>Applies the stored state to <paramref name="index"/>; its version rules make a repeat harmless.</summary>
    public Task ApplyToAsync(ISearchIndex index, CancellationToken cancellationToken) =>
        Removed != 0
            ? index.RemoveAsync(JsonSerializer.Deserialize<DocumentRemoval>(Body, SearchFeed.Json)!, cancellationToken)
            : index.UpsertAsync(JsonSerializer.Deserialize<SearchDocument>(Body, SearchFeed.Json)!, cancellationToken);
}
