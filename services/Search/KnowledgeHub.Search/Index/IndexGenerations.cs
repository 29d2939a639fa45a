using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Search.Index;

/// <summary>
/// The live index, and during a reindex the next one being filled beside it. Searches read the
/// live one; the feed follower writes to both, so nothing written while rebuilding is lost by the swap. Every use
/// holds a lease, so a retired index is disposed only after the last search or write on it ends.
/// </summary>
internal sealed partial class IndexGenerations(ISearchIndexStore store, ILogger<IndexGenerations> logger) : IDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly Lock _swap = new();
    private Generation? _live;
    private Generation? _next;

    /// <summary>The rebuild whose index this instance is filling, or null when it fills none.</summary>
    public Guid? NextFor { get; private set; }

    /// <summary>Leases the live index for reading.</summary>
    public async Task<Lease> ReadAsync(CancellationToken cancellationToken)
    {
        await EnsureLiveAsync(cancellationToken);
        lock (_swap)
        {
            return _live!.Acquire();
        }
    }

    /// <summary>
    /// Leases every generation for writing: the live one first, then the one a reindex fills, if any.
    /// Each has its own feed position, so a new generation catches up on its own.
    /// </summary>
    public async Task<IReadOnlyList<Lease>> WriteAsync(CancellationToken cancellationToken)
    {
        await EnsureLiveAsync(cancellationToken);
        lock (_swap)
        {
            return _next is null ? [_live!.Acquire()] : [_live!.Acquire(), _next.Acquire()];
        }
    }

    /// <summary>Starts filling a new, empty index beside the live one for the rebuild <paramref name="reindexId"/>.</summary>
    public async Task BeginNextAsync(Guid reindexId, CancellationToken cancellationToken)
    {
        await EnsureLiveAsync(cancellationToken);
        var index = await store.CreateNextAsync(reindexId, cancellationToken);
        lock (_swap)
        {
            if (_next is not null)
            {
                index.Dispose();
                throw new InvalidOperationException("A next index is already being filled.");
            }

            _next = new Generation(index, DropAsync);
            NextFor = reindexId;
        }
    }

    /// <summary>
    /// Makes the next index live; the old one is dropped once its last lease ends. With
    /// <paramref name="swappedElsewhere"/> another instance already made the shared next index live
    /// for everyone and drops the old one: this instance only starts using it.
    /// </summary>
    public async Task PromoteNextAsync(bool swappedElsewhere, CancellationToken cancellationToken)
    {
        var next = _next ?? throw new InvalidOperationException("No next index to promote.");
        if (!swappedElsewhere)
        {
            await store.PromoteAsync(next.Index, cancellationToken);
        }

        Generation old;
        lock (_swap)
        {
            old = _live!;
            _live = next;
            _next = null;
            NextFor = null;
        }

        old.Retire(drop: !swappedElsewhere);
    }

    /// <summary>Gives up the next index; the live one stays as it is.</summary>
    public void AbandonNext()
    {
        Generation? next;
        lock (_swap)
        {
            next = _next;
            _next = null;
            NextFor = null;
        }

        next?.Retire(drop: true);
    }

    public void Dispose()
    {
        _live?.Index.Dispose();
        _next?.Index.Dispose();
        _opening.Dispose();
    }

    private async Task EnsureLiveAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _live) is not null)
        {
            return;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            _live ??= new Generation(await store.OpenLiveAsync(cancellationToken), DropAsync);
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task DropAsync(ISearchIndex index)
    {
        index.Dispose();
        try
        {
            await store.DropAsync(index, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            // A leftover index wastes space but harms nothing; the next start cleans up Lucene's.
            LogDropFailed(logger, exception, index.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping the retired search index {Index} failed")]
    private static partial void LogDropFailed(ILogger logger, Exception exception, string index);

    /// <summary>Use of an index that keeps it open until disposed.</summary>
    public readonly struct Lease(Generation generation) : IDisposable
    {
        public ISearchIndex Index => generation.Index;

        public void Dispose() => generation.Release();
    }

    /// <summary>An index with a count of its leases; retired, it is closed (and dropped, if asked) when the count reaches zero.</summary>
    internal sealed class Generation(ISearchIndex index, Func<ISearchIndex, Task> drop)
    {
        private int _leases = 1;
        private volatile bool _keep;

        public ISearchIndex Index { get; } = index;

        public Lease Acquire()
        {
            Interlocked.Increment(ref _leases);
            return new Lease(this);
        }

        /// <summary>Gives up the generation's own lease; <paramref name="drop"/> false keeps the index for whoever still uses it elsewhere.</summary>
        public void Retire(bool drop)
        {
            _keep = !drop;
            Release();
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref _leases) != 0)
            {
                return;
            }

            if (_keep)
            {
                Index.Dispose();
                return;
            }

            // Dropping deletes files or an Elasticsearch index; nobody needs to wait for it.
            _ = drop(Index);
        }
    }
}
