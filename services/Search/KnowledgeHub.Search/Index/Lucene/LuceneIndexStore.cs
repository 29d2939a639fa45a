using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// Lucene generations on disk: one folder per generation under the index folder, and a small
/// <c>live</c> file naming the generation searches use. Promoting a generation rewrites that file
/// atomically, so a restart opens whichever generation was live last.
/// </summary>
internal sealed partial class LuceneIndexStore(string root, TimeProvider time, ILogger<LuceneIndexStore> logger) : ISearchIndexStore
{
    private const string PointerFile = "live";

    private readonly ConcurrentDictionary<LuceneSearchIndex, byte> _open = new();

    /// <summary>The indexes open now, for refreshing and committing them.</summary>
    public IReadOnlyList<LuceneSearchIndex> Open => [.. _open.Keys];

    public Task<ISearchIndex> OpenLiveAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var pointer = Path.Combine(root, PointerFile);
        var live = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : "";
        if (live.Length == 0 || !Directory.Exists(Path.Combine(root, live)))
        {
            live = NewGenerationName();
            WritePointer(live);
        }

        // Generations left behind by a rebuild that a restart interrupted.
        foreach (var stale in Directory.EnumerateDirectories(root).Where(folder => Path.GetFileName(folder) != live))
        {
            Directory.Delete(stale, recursive: true);
        }

        return Task.FromResult<ISearchIndex>(Track(OpenOrReplace(live)));
    }

    public bool Shared => false;

    public Task<ISearchIndex> CreateNextAsync(Guid reindexId, CancellationToken cancellationToken)
    {
        var name = NewGenerationName();
        var next = new LuceneSearchIndex(name, Path.Combine(root, name));
        next.RecordRebuild(reindexId);
        return Task.FromResult<ISearchIndex>(Track(next));
    }

    public async Task PromoteAsync(ISearchIndex next, CancellationToken cancellationToken)
    {
        var lucene = (LuceneSearchIndex)next;
        lucene.Compact();
        await lucene.CommitAsync(cancellationToken);
        await lucene.RefreshAsync(cancellationToken);
        WritePointer(lucene.Name);
    }

    public Task DropAsync(ISearchIndex index, CancellationToken cancellationToken)
    {
        var lucene = (LuceneSearchIndex)index;
        _open.TryRemove(lucene, out _);
        if (Directory.Exists(lucene.Path))
        {
            Directory.Delete(lucene.Path, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Opens the live generation, or replaces it with a new, empty one when its files cannot be read.
    /// A process killed while Lucene wrote its first commit leaves that commit cut short, with no
    /// earlier one to fall back on (later commits fall back to the one before). The index only
    /// mirrors the stored documents: the new generation starts at feed position 0, so the feed
    /// follower fills it from them again instead of every search failing until someone deletes the folder.
    /// </summary>
    private LuceneSearchIndex OpenOrReplace(string live)
    {
        try
        {
            return new LuceneSearchIndex(live, Path.Combine(root, live));
        }
        catch (Exception exception) when (exception is CorruptIndexException or EndOfStreamException or FileNotFoundException)
        {
            var replacement = NewGenerationName();
            LogUnreadableReplaced(logger, exception, live, replacement);
            WritePointer(replacement);
            Directory.Delete(Path.Combine(root, live), recursive: true);
            return new LuceneSearchIndex(replacement, Path.Combine(root, replacement));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index {Index} cannot be read; it is replaced by {Replacement}, which fills from the stored documents")]
    private static partial void LogUnreadableReplaced(ILogger logger, Exception exception, string index, string replacement);

    private LuceneSearchIndex Track(LuceneSearchIndex index)
    {
        _open[index] = 0;
        return index;
    }

    private string NewGenerationName() =>
        string.Create(CultureInfo.InvariantCulture, $"gen-{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");

    private void WritePointer(string generation)
    {
        var temporary = Path.Combine(root, PointerFile + ".tmp");
        File.WriteAllText(temporary, generation);
        File.Move(temporary, Path.Combine(root, PointerFile), overwrite: true);
    }
}
