using System.Diagnostics;
using KnowledgeHub.Search.Index.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeHub.Benchmarks.Search;

/// <summary>A Lucene index of the synthetic corpus, written where a standalone hub keeps its index.</summary>
internal static class SyntheticIndex
{
    /// <summary>Indexes <paramref name="documents"/> documents and leaves the index open, compacted as a rebuild leaves it.</summary>
    public static async Task<LuceneSearchIndex> BuildAsync(string indexPath, SyntheticCorpus corpus, int documents)
    {
        var store = new LuceneIndexStore(indexPath, TimeProvider.System, NullLogger<LuceneIndexStore>.Instance);
        var index = (LuceneSearchIndex)await store.OpenLiveAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var epoch = DateTimeOffset.UtcNow.AddYears(-1);
        for (var number = 0; number < documents; number++)
        {
            await index.UpsertAsync(corpus.Document(number, epoch), CancellationToken.None);
            if ((number + 1) % 100_000 == 0)
            {
                Console.WriteLine($"    {number + 1:N0} documents indexed, {clock.Elapsed.TotalSeconds:0} s");
            }
        }

        index.Compact();
        await index.CommitAsync(CancellationToken.None);
        await index.RefreshAsync(CancellationToken.None);
        Console.WriteLine($"  indexed and compacted {documents:N0} documents in {clock.Elapsed.TotalSeconds:0.0} s");
        return index;
    }

    /// <summary>What the index's files take on disk.</summary>
    public static double SizeOnDiskMegabytes(string indexPath) =>
        new DirectoryInfo(indexPath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length) / 1024.0 / 1024.0;
}
