using KnowledgeHub.Search.Index.Lucene;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// The maintenance loop refreshes and commits every open generation. One generation failing (its
/// folder gone, a disk error) must not end the loop: an exception escaping a background service
/// stops the whole host, which is how a rebuild once took a standalone hub down.
/// </summary>
public sealed class Lucene_maintenance : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-lucene-maintenance-").FullName;

    [Fact]
    public async Task A_generation_that_cannot_commit_does_not_stop_the_others_from_becoming_searchable()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new LuceneIndexStore(_folder, time, NullLogger<LuceneIndexStore>.Instance);
        // Not disposed: closing a writer whose folder is gone fails too, and the test is over by then.
        var broken = (LuceneSearchIndex)await store.CreateNextAsync(Guid.NewGuid(), ct);
        using var healthy = (LuceneSearchIndex)await store.CreateNextAsync(Guid.NewGuid(), ct);
        using var maintenance = new LuceneMaintenance(store, time, NullLogger<LuceneMaintenance>.Instance);
        await maintenance.StartAsync(ct);
        await broken.UpsertAsync(Docs.Make("post", "Orphaned runbook"), ct);
        Directory.Delete(broken.Path, recursive: true);
        var start = time.GetUtcNow();

        // Past the commit interval (the broken generation's commit fails), then until a later write is searchable.
        await Eventually.AssertAsync(
            async () =>
            {
                await healthy.UpsertAsync(Docs.Make("post", $"Kubernetes runbook {Guid.NewGuid():N}"), ct);
                time.Advance(LuceneSearchIndex.RefreshInterval);
                var found = await healthy.SearchAsync(Docs.Query("kubernetes"), ct);
                return time.GetUtcNow() - start > TimeSpan.FromSeconds(5) && found.Total > 60;
            },
            TimeSpan.FromSeconds(20),
            "writes to the healthy generation to become searchable after the broken one failed to commit");

        Assert.False(maintenance.ExecuteTask!.IsCompleted, $"the maintenance loop ended: {maintenance.ExecuteTask.Exception?.GetBaseException().Message}");
        await maintenance.StopAsync(ct);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
