using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KnowledgeHub.Search.Index.Lucene;

/// <summary>
/// The embedded index: Lucene.Net on disk, one writer, near-real-time readers. Writes land in the
/// writer at once and become searchable at the next refresh (every <see cref="RefreshInterval"/>);
/// they reach disk at the next commit.
/// </summary>
internal sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly FSDirectory _directory;
    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    // Versions written since the last refresh began, and during the refresh in progress: the
    // reader cannot see them yet, but a version check must.
    private Dictionary<string, long> _unrefreshed = new(StringComparer.Ordinal);
    private Dictionary<string, long> _refreshing = new(StringComparer.Ordinal);
    private bool _uncommitted;

    public LuceneSearchIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(path);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    public async Task<bool> UpsertAsync(SearchDocument document, CancellationToken cancellationToken)
    {
        var key = LuceneFields.KeyOf(document.Type, document.Id);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (CurrentVersion(key) >= document.Version)
            {
                return false;
            }

            _writer.UpdateDocument(new Term(LuceneFields.Key, key), LuceneFields.ToLucene(document));
            _unrefreshed[key] = document.Version;
            _uncommitted = true;
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var scored = LuceneQueryBuilder.Scored(_analyzer, query.Text);
            var sort = scored is MatchAllDocsQuery
                ? new Sort(new SortField(LuceneFields.UpdatedValues, SortFieldType.INT64, true))
                // Equal scores: the fresher document first.
                : new Sort(SortField.FIELD_SCORE, new SortField(LuceneFields.UpdatedValues, SortFieldType.INT64, true));
            var top = TopFieldCollector.Create(sort, Math.Max(1, query.Offset + query.Limit), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCollector();
            searcher.Search(scored, LuceneQueryBuilder.Filter(query), MultiCollector.Wrap(top, facets));

            var queryTerms = string.IsNullOrWhiteSpace(query.Text) ? [] : QueryTerms.Analyze(_analyzer, LuceneFields.Body, query.Text);
            var hits = top.GetTopDocs(query.Offset, query.Limit).ScoreDocs
                .Select(scoreDoc => ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, queryTerms))
                .ToList();
            return Task.FromResult(new SearchResults(top.TotalHits, hits, facets.Facets()));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Makes recent writes searchable; cheap when nothing changed.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_unrefreshed.Count == 0)
            {
                return;
            }

            (_refreshing, _unrefreshed) = (_unrefreshed, new Dictionary<string, long>(StringComparer.Ordinal));
        }
        finally
        {
            _writeLock.Release();
        }

        _searchers.MaybeRefreshBlocking();

        await _writeLock.WaitAsync(CancellationToken.None);
        _refreshing = new Dictionary<string, long>(StringComparer.Ordinal);
        _writeLock.Release();
    }

    /// <summary>Makes recent writes durable.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_uncommitted)
            {
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
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _writeLock.Dispose();
    }

    private long CurrentVersion(string key)
    {
        if (_unrefreshed.TryGetValue(key, out var version) || _refreshing.TryGetValue(key, out version))
        {
            return version;
        }

        var searcher = _searchers.Acquire();
        try
        {
            var found = searcher.Search(new TermQuery(new Term(LuceneFields.Key, key)), 1);
            return found.TotalHits == 0 ? 0 : LuceneFields.VersionOf(searcher.Doc(found.ScoreDocs[0].Doc));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private SearchHit ToHit(Document document, float score, IReadOnlyList<string> queryTerms) => new(
        document.Get(LuceneFields.Type),
        LuceneFields.IdOf(document),
        document.Get(LuceneFields.Title),
        Snippets.Build(_analyzer, document.Get(LuceneFields.Body) ?? "", queryTerms),
        document.GetValues(LuceneFields.Department).FirstOrDefault(),
        document.GetValues(LuceneFields.Tag),
        document.Get(LuceneFields.Url),
        float.IsNaN(score) ? 0 : score,
        LuceneFields.UpdatedOf(document));
}
