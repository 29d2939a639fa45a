using KnowledgeHub.Search.Reindex;

namespace KnowledgeHub.Search.Index;

/// <summary>
/// What consumers write through: every index generation gets the write, and while a reindex runs
/// the document counts toward the progress of the service that owns it.
/// </summary>
internal sealed class SearchProjection(IndexGenerations generations, ReindexCoordinator reindex)
{
    public async Task UpsertAsync(string owner, SearchDocument document, CancellationToken cancellationToken)
    {
        var rebuilding = await generations.WriteAsync(index => index.UpsertAsync(document, cancellationToken), cancellationToken);
        if (rebuilding is not null)
        {
            await reindex.ReceivedAsync(owner, document.Key, cancellationToken);
        }
    }

    public Task RemoveAsync(DocumentRemoval removal, CancellationToken cancellationToken) =>
        generations.WriteAsync(index => index.RemoveAsync(removal, cancellationToken), cancellationToken);
}

/// <summary>The services whose data Search indexes, by their module names.</summary>
internal static class Owners
{
    public const string Expertise = "expertise";
    public const string Communities = "communities";
    public const string Alignment = "alignment";

    public static readonly IReadOnlyList<string> All = [Expertise, Communities, Alignment];
}
