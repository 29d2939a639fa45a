using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace KnowledgeHub.Data;

/// <summary>
/// One writer at a time per SQLite file, queued in this process without holding a thread. SQLite
/// allows one write transaction per file; Microsoft.Data.Sqlite answers a busy BEGIN IMMEDIATE by
/// blocking its thread for 150 ms and trying again. Under concurrent writes that sleep was most of
/// the standalone hub's thread time (docs/adr/0084): writers slept while the lock was free, and the
/// sleeping threads starved the thread pool. Writers from another process still meet the busy retry.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private const int SqliteBusy = 5;

    /// <summary>
    /// Waits for this process's turn to write <paramref name="connectionString"/>'s file; disposing the
    /// answer ends it. Waits as long as SQLite would (the connection's default timeout), then fails as
    /// SQLite does, "database is locked".
    /// </summary>
    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken cancellationToken)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString);
        var gate = Gates.GetOrAdd(FileOf(settings.DataSource), _ => new SemaphoreSlim(1, 1));
        var patience = settings.DefaultTimeout == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(settings.DefaultTimeout);
        if (!await gate.WaitAsync(patience, cancellationToken))
        {
            throw new SqliteException($"database is locked: another write transaction of this process held it for {settings.DefaultTimeout} s", SqliteBusy);
        }

        return new Turn(gate);
    }

    private static string FileOf(string dataSource)
    {
        return dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || dataSource == ":memory:"
            ? dataSource
            : Path.GetFullPath(dataSource);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
