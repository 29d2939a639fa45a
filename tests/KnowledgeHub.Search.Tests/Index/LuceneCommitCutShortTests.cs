using KnowledgeHub.Search.Index.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// A process killed while Lucene writes a commit leaves that commit cut short. Opening the live index
/// again must not fail every search from then on: a later commit falls back to the one before it, and a
/// first commit, which has none, gives way to an empty generation that the feed fills again.
/// </summary>
public sealed class Lucene_commit_cut_short : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-lucene-cut-short-").FullName;

    [Fact]
    public async Task A_live_index_whose_only_commit_was_cut_short_is_replaced_by_an_empty_one_at_feed_position_zero()
    {
        var ct = TestContext.Current.CancellationToken;
        string cutShort;
        using (var index = await OpenLiveAsync(ct))
        {
            await index.UpsertAsync(Docs.Make("post", "Kubernetes runbook"), ct);
            index.AdvanceFeedPosition(1);
            cutShort = index.Path;
        }

        CutShortTheNewestCommit(cutShort);

        using (var replacement = await OpenLiveAsync(ct))
        {
            Assert.NotEqual(cutShort, replacement.Path);
            Assert.False(Directory.Exists(cutShort), "the unreadable generation is deleted");
            Assert.Equal(0, replacement.FeedPosition);
            Assert.Equal(0, (await replacement.SearchAsync(Docs.Query("kubernetes"), ct)).Total);
            await replacement.UpsertAsync(Docs.Make("post", "Kubernetes runbook"), ct);
            replacement.AdvanceFeedPosition(1);
            cutShort = replacement.Path;
        }

        using var afterRestart = await OpenLiveAsync(ct);
        Assert.Equal(cutShort, afterRestart.Path);
        Assert.Equal(1, afterRestart.FeedPosition);
    }

    [Fact]
    public async Task A_live_index_whose_newest_commit_was_cut_short_opens_at_the_commit_before_it()
    {
        var ct = TestContext.Current.CancellationToken;
        string path;
        (string File, byte[] Bytes) earlier;
        using (var index = await OpenLiveAsync(ct))
        {
            await index.UpsertAsync(Docs.Make("post", "Kubernetes runbook"), ct);
            index.AdvanceFeedPosition(1);
            await index.CommitAsync(ct);
            path = index.Path;
            var earlierFile = NewestCommit(path);
            earlier = (earlierFile, await File.ReadAllBytesAsync(earlierFile, ct));
            await index.UpsertAsync(Docs.Make("post", "Kubernetes upgrade notes"), ct);
            index.AdvanceFeedPosition(2);
        }

        // Lucene deletes the earlier commit once the newer one is complete; a kill during the newer one leaves both.
        await File.WriteAllBytesAsync(earlier.File, earlier.Bytes, ct);
        CutShortTheNewestCommit(path);

        using var reopened = await OpenLiveAsync(ct);
        Assert.Equal(path, reopened.Path);
        Assert.Equal(1, reopened.FeedPosition);
        Assert.Equal(1, (await reopened.SearchAsync(Docs.Query("kubernetes"), ct)).Total);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<LuceneSearchIndex> OpenLiveAsync(CancellationToken ct) =>
        (LuceneSearchIndex)await new LuceneIndexStore(_folder, TimeProvider.System, NullLogger<LuceneIndexStore>.Instance).OpenLiveAsync(ct);

    /// <summary>What a kill in the middle of writing <c>segments_N</c> leaves: its first half.</summary>
    private static void CutShortTheNewestCommit(string generation)
    {
        using var file = File.Open(NewestCommit(generation), FileMode.Open);
        file.SetLength(file.Length / 2);
    }

    // Commit generations are written in base 36: the longer name is newer, and among equals the later one.
    private static string NewestCommit(string generation) =>
        Directory.EnumerateFiles(generation, "segments_*")
            .OrderBy(file => file.Length).ThenBy(file => file, StringComparer.Ordinal).Last();
}
