namespace KnowledgeHub.Search.Index;

/// <summary>
/// One physical search index (a Lucene directory, an Elasticsearch index). A projection of the
/// services' data: it can always be rebuilt. Writes are versioned per document: an upsert wins only
/// with a higher version than the index holds, a removal with at least the same one, so events that
/// arrive late or twice never undo a newer state. Writes become searchable after a refresh, which
/// the adapter runs on its own at least once a second.
/// </summary>
internal interface ISearchIndex : IDisposable
{
    /// <summary>A name that identifies this index among its generations (for logs and status).</summary>
    string Name { get; }

    /// <summary>Adds or replaces the document; false when the index already holds this version or a newer one.</summary>
    Task<bool> UpsertAsync(SearchDocument document, CancellationToken cancellationToken);

    /// <summary>Removes the document, leaving a tombstone; false when the index holds a newer version.</summary>
    Task<bool> RemoveAsync(DocumentRemoval removal, CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestQuery query, CancellationToken cancellationToken);

    /// <summary>Makes every completed write searchable now.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The last position of the search feed applied to this index, as of its last durable state
    /// when opened; 0 for a new index, which a follower fills from the stored documents first.
    /// </summary>
    long FeedPosition { get; }

    /// <summary>Records that every feed entry up to <paramref name="position"/> has been written; durable with those writes.</summary>
    void AdvanceFeedPosition(long position);

    /// <summary>
    /// The latest rebuild (ADR 0080) whose result this index holds: the rebuild it was filled for, or
    /// the one that had completed before it was filled from the stored documents; null for neither.
    /// </summary>
    Guid? Rebuild { get; }

    /// <summary>Records that this index holds the result of the rebuild <paramref name="reindexId"/>; durable with the next commit.</summary>
    void RecordRebuild(Guid reindexId);
}

/// <summary>
/// The generations of the index: the live one, and a new, empty one that a reindex fills beside it
/// and then promotes, so search never goes offline.
/// </summary>
internal interface ISearchIndexStore
{
    /// <summary>The index searches use, created empty the first time.</summary>
    Task<ISearchIndex> OpenLiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether every Search instance uses the same indexes (Elasticsearch): then the next index of a
    /// rebuild is one for all, and one instance swaps it in; otherwise each instance has its own (Lucene).
    /// </summary>
    bool Shared { get; }

    /// <summary>A new, empty index beside the live one for the rebuild <paramref name="reindexId"/>; a shared store answers every instance with the same one.</summary>
    Task<ISearchIndex> CreateNextAsync(Guid reindexId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="next"/> the live index, also for the next start.</summary>
    Task PromoteAsync(ISearchIndex next, CancellationToken cancellationToken);

    /// <summary>Deletes an index that is no longer live (disposed by the caller first).</summary>
    Task DropAsync(ISearchIndex index, CancellationToken cancellationToken);
}
