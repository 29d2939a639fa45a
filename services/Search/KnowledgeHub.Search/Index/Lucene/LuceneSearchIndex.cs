using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// The embedded index: Lucene.Net on disk, one writer, near-real-time readers. Writes land in the
/// writer at once and become searchable at the next refresh (every <see cref="RefreshInterval"/>,
/// run by <see cref="LuceneMaintenance"/>); they reach disk at the next commit, together with the
/// feed position they bring the index to (commit user data), so a crash resumes the feed exactly
/// where the durable documents end.
/// </summary>
internal sealed class LuceneSearchIndex : ISearchIndex
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    private const string FeedPositionKey = "search_feed_position";
    private const string RebuildKey = "search_rebuild";

    private readonly FSDirectory _directory;
    private readonly LuceneAnalyzers _analyzers = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // Held for a whole refresh, which runs mostly outside the write lock: disposing waits for it,
    // so a refresh never touches readers that a retired generation has already closed.
    private readonly SemaphoreSlim _refreshLock = new(1, 1);

    // Versions written since the last refresh began, and during the refresh in progress: the
    // reader cannot see them yet, but a version check must.
    private Dictionary<string, StoredVersion> _unrefreshed = new(StringComparer.Ordinal);
    private Dictionary<string, StoredVersion> _refreshing = new(StringComparer.Ordinal);
    private long _feedPosition;
    // A boxed Guid, so that the follower and a commit on the maintenance thread never see half of one.
    private volatile object? _rebuild;
    private bool _uncommitted;
    private bool _disposed;

    public LuceneSearchIndex(string name, string path)
    {
        Name = name;
        Path = path;
        System.IO.Directory.CreateDirectory(path);
        // Not FSDirectory.Open's MMapDirectory: Lucene.Net reads a memory-mapped file a byte at a
        // time through a ByteBuffer, and loading a hit's stored fields is mostly such reads;
        // positional reads into a buffer answered the same queries 15 to 30 % faster (ADR 0032),
        // and faster again without Lucene.Net's lock and seeks around each read (ADR 0090).
        _directory = new PositionalReadDirectory(path);
        try
        {
            _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneAnalyzers.Version, _analyzers.Indexing)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Codec = HubCodec.Instance,
                // Every segment adds its own term lookups and scorers to each query: keep few of them.
                MergePolicy = new TieredMergePolicy { SegmentsPerTier = 5, MaxMergeAtOnce = 5 },
            });
        }
        catch
        {
            // Files that cannot be read: the caller may replace the folder, so nothing stays open in it.
            _analyzers.Dispose();
            _directory.Dispose();
            throw;
        }

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        var committed = _writer.CommitData ?? new Dictionary<string, string>();
        _feedPosition = committed.TryGetValue(FeedPositionKey, out var position) ? long.Parse(position, CultureInfo.InvariantCulture) : 0;
        _rebuild = committed.TryGetValue(RebuildKey, out var rebuild) ? Guid.Parse(rebuild) : null;
    }

    public string Name { get; }

    public string Path { get; }

    public long FeedPosition => Volatile.Read(ref _feedPosition);

    public void AdvanceFeedPosition(long position)
    {
        _writeLock.Wait();
        try
        {
            _feedPosition = position;
            _uncommitted = true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Guid? Rebuild => (Guid?)_rebuild;

    public void RecordRebuild(Guid reindexId)
    {
        _writeLock.Wait();
        try
        {
            _rebuild = reindexId;
            _uncommitted = true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<bool> UpsertAsync(SearchDocument document, CancellationToken cancellationToken) =>
        WriteAsync(document.Key, new StoredVersion(document.Version, Removed: false), current => current.Version < document.Version, () => LuceneFields.ToLucene(document), cancellationToken);

    public Task<bool> RemoveAsync(DocumentRemoval removal, CancellationToken cancellationToken) =>
        WriteAsync(
            removal.Key,
            new StoredVersion(removal.Version, Removed: true),
            current => current.Version < removal.Version || (current.Version == removal.Version && !current.Removed),
            () => LuceneFields.Tombstone(removal),
            cancellationToken);

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var words = QueryTerms.Words(_analyzers, query.Text);
            var (scored, withPhrases, bodyTerms) = LuceneQueryBuilder.Scored(searcher.IndexReader, query.Text, words);
            var page = query.Offset + query.Limit;
            var top = new TopDocumentsCollector(withPhrases is null ? page : Math.Max(page, PhraseRescoring.Window), byScore: scored is not MatchAllDocsQuery);
            var facets = new FacetCollector();
            if (EmptyBox.Answers(query))
            {
                EmptyBox.Collect(searcher, query.ViewerCommunities, top, facets);
            }
            else
            {
                HalvedSearch.Collect(searcher, scored, LuceneQueryBuilder.Filter(query), top, facets);
            }

            var best = withPhrases is null ? top.Hits() : PhraseRescoring.Rescore(searcher, withPhrases, top.Hits());
            var hits = best
                .Skip(query.Offset)
                .Take(query.Limit)
                .Select(hit => ToHit(searcher.Doc(hit.Doc), hit.Score, bodyTerms))
                .ToList();
            return Task.FromResult(new SearchResults(top.TotalHits, hits, facets.Facets()));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestQuery query, CancellationToken cancellationToken)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Task.FromResult(LuceneSuggestions.Suggest(searcher, _analyzers, query));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Makes recent writes searchable; cheap when nothing changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            await RefreshReadersAsync(cancellationToken);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task RefreshReadersAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_disposed || _unrefreshed.Count == 0)
            {
                return;
            }

            (_refreshing, _unrefreshed) = (_unrefreshed, new Dictionary<string, StoredVersion>(StringComparer.Ordinal));
        }
        finally
        {
            _writeLock.Release();
        }

        _searchers.MaybeRefreshBlocking();

        await _writeLock.WaitAsync(CancellationToken.None);
        _refreshing = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        _writeLock.Release();
    }

    /// <summary>
    /// Merges the index into one segment: worth its seconds once, after a rebuild filled it and
    /// before it goes live, as every segment adds cost to every query.
    /// </summary>
    public void Compact()
    {
        _writer.ForceMerge(1);
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes recent writes durable.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (!_disposed && _uncommitted)
            {
                StampCommitData();
                _writer.Commit();
                _uncommitted = false;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _refreshLock.Wait();
        _writeLock.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _searchers.Dispose();

            // Closing the writer commits what is left: with the position it reached.
            StampCommitData();
            _writer.Dispose();
            _analyzers.Dispose();
            _directory.Dispose();
        }
        finally
        {
            _writeLock.Release();
            _refreshLock.Release();
        }
    }

    private void StampCommitData()
    {
        var data = new Dictionary<string, string> { [FeedPositionKey] = _feedPosition.ToString(CultureInfo.InvariantCulture) };
        if (Rebuild is { } rebuild)
        {
            data[RebuildKey] = rebuild.ToString("N");
        }

        _writer.SetCommitData(data);
    }

    private async Task<bool> WriteAsync(string key, StoredVersion version, Func<StoredVersion, bool> wins, Func<Document> document, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = CurrentVersion(key);
            if (!wins(current))
            {
                return false;
            }

            // A key the index has never seen needs no delete: adding is much cheaper in bulk (a replay).
            if (current == StoredVersion.None)
            {
                _writer.AddDocument(document());
            }
            else
            {
                _writer.UpdateDocument(new Term(LuceneFields.Key, key), document());
            }

            _unrefreshed[key] = version;
            _uncommitted = true;
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private StoredVersion CurrentVersion(string key)
    {
        if (_unrefreshed.TryGetValue(key, out var version) || _refreshing.TryGetValue(key, out version))
        {
            return version;
        }

        var searcher = _searchers.Acquire();
        try
        {
            var found = searcher.Search(new TermQuery(new Term(LuceneFields.Key, key)), 1);
            if (found.TotalHits == 0)
            {
                return StoredVersion.None;
            }

            var document = searcher.Doc(found.ScoreDocs[0].Doc);
            return new StoredVersion(LuceneFields.VersionOf(document), Removed: document.Get(LuceneFields.Type) is null);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private SearchHit ToHit(Document document, float score, IReadOnlySet<string> bodyTerms) => new(
        document.Get(LuceneFields.Type),
        LuceneFields.IdOf(document),
        document.Get(LuceneFields.Title),
        Snippets.Build(_analyzers.English, document.Get(LuceneFields.BodyExcerpt) ?? "", bodyTerms),
        document.GetValues(LuceneFields.Department).FirstOrDefault(),
        document.GetValues(LuceneFields.Tag),
        document.Get(LuceneFields.Url),
        float.IsNaN(score) ? 0 : score,
        LuceneFields.UpdatedOf(document));

    /// <summary>The version an index holds for a key; a tombstone is a removed version.</summary>
    private readonly record struct StoredVersion(long Version, bool Removed)
    {
        public static readonly StoredVersion None = new(0, Removed: false);
    }
}
