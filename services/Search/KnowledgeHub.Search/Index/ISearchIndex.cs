namespace KnowledgeHub.Search.Index;

/// <summary>
/// The cross-department index. A projection of the services' data: it can always be rebuilt.
/// Writes are versioned: a document is replaced only by a higher version, so events that arrive
/// late or twice never undo a newer state.
/// </summary>
internal interface ISearchIndex
{
    /// <summary>Adds or replaces the document; false when the index already holds this version or a newer one.</summary>
    Task<bool> UpsertAsync(SearchDocument document, CancellationToken cancellationToken);

    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);
}
