using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Search.Feed;
using KnowledgeHub.Search.Index.Lucene;
using KnowledgeHub.Search.Tests.Index;
using KnowledgeHub.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace KnowledgeHub.Search.Tests;

/// <summary>
/// A follower whose database cannot be read (not migrated yet, down) keeps retrying instead of
/// ending: an exception escaping a background service would stop the whole Search host.
/// </summary>
public sealed class Search_feed_recovery : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kh-search-feed-recovery-").FullName;

    [Fact]
    public async Task A_follower_keeps_retrying_while_its_database_fails_and_catches_up_once_it_works()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new ModuleDatabaseSettings(
            SearchModule.Name,
            DatabaseProvider.Sqlite,
            $"Data Source={Path.Combine(_folder, "search.db")};Pooling=False",
            [new MigrationSource(typeof(ModuleStoreRegistration).Assembly, "Migrations"), new MigrationSource(typeof(SearchDatabase).Assembly, "Data/Migrations")]);
        var database = new SearchDatabase(settings);
        var failures = new FailureCounter();
        await using var instance = await FeedFollowerUnderTest.StartAsync(database, new LuceneIndexStore(Path.Combine(_folder, "index"), TimeProvider.System, NullLogger<LuceneIndexStore>.Instance), logger: failures);

        // The tables do not exist yet: reading the feed fails until they do.
        await Eventually.AssertAsync(() => Task.FromResult(failures.Count > 0), SearchApi.Deadline, "the follower to fail on the missing tables");
        DatabaseMigrator.Migrate(settings);
        var project = Docs.Make("project", "Resilient pipeline");
        await using (var work = await database.BeginAsync(ct))
        {
            await instance.Feed.UpsertAsync(work, "alignment", project, replayOf: null);
            await work.CommitAsync();
        }

        await instance.UntilIdsAsync("resilient", project.Id);
        Assert.True(instance.IsFollowing);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Counts the errors the follower logs.</summary>
    private sealed class FailureCounter : ILogger<SearchFeedFollower>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
