using KnowledgeHub.Search.Index.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// New segments are written with the hub's codec (stored fields in small chunks, ADR 0098). An index a
/// hub wrote before keeps answering after the upgrade, its old segments read by their own codec, and a
/// compaction rewrites everything with the hub's.
/// </summary>
public sealed class Hub_codec : IDisposable
{
    private readonly string _path = System.IO.Directory.CreateTempSubdirectory("kh-hub-codec-").FullName;

    [Fact]
    public async Task An_index_written_with_Lucenes_own_codec_is_searched_with_its_new_documents_and_compacted_into_the_hub_codec()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var analyzers = new LuceneAnalyzers())
        using (var directory = FSDirectory.Open(_path))
        using (var before = new IndexWriter(directory, new IndexWriterConfig(LuceneAnalyzers.Version, analyzers.Indexing)))
        {
            before.AddDocument(LuceneFields.ToLucene(Docs.Make("post", "Kubernetes runbook", "Drain the node before the upgrade.")));
            before.Commit();
        }

        using var index = new LuceneSearchIndex("live", _path);
        await index.UpsertAsync(Docs.Make("article", "Kubernetes upgrade notes", "The node pools upgrade one at a time."), ct);
        await index.CommitAsync(ct);
        await index.RefreshAsync(ct);

        Assert.Equal(["Lucene46", "KnowledgeHub46"], SegmentCodecs());
        var found = await index.SearchAsync(Docs.Query("kubernetes node"), ct);
        Assert.Equal(["Kubernetes runbook", "Kubernetes upgrade notes"], found.Items.Select(hit => hit.Title).Order());
        Assert.All(found.Items, hit => Assert.Contains("<mark>node</mark>", hit.Snippet, StringComparison.Ordinal));

        // As a rebuild is promoted: written, compacted, committed.
        await index.UpsertAsync(Docs.Make("post", "Kubernetes node pools", "A node pool per team."), ct);
        index.Compact();
        await index.CommitAsync(ct);
        await index.RefreshAsync(ct);

        Assert.Equal(["KnowledgeHub46"], SegmentCodecs());
        Assert.Equal(3, (await index.SearchAsync(Docs.Query("kubernetes node"), ct)).Total);
    }

    public void Dispose() => System.IO.Directory.Delete(_path, recursive: true);

    private string[] SegmentCodecs()
    {
        using var directory = FSDirectory.Open(_path);
        var segments = new SegmentInfos();
        segments.Read(directory);
        return segments.Select(segment => segment.Info.Codec.Name).ToArray();
    }
}
