using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Data;

/// <summary>
/// Runs a module's migrations while the host starts, before the server takes requests. A database
/// that cannot be reached yet (started beside the service, restarting, or too busy to answer within
/// the connection timeout) is waited for with backoff, up to <see cref="Patience"/>; only then does
/// the start fail. Anything else (a bad password, a failing script) fails the start at once.
/// </summary>
internal sealed partial class DatabaseMigrationService<TDatabase>(TDatabase database, ILogger<DatabaseMigrationService<TDatabase>> logger) : IHostedService
    where TDatabase : ModuleDatabase
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var wait = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await Task.Run(() => DatabaseMigrator.Migrate(database.Settings), cancellationToken);
                return;
            }
            catch (Exception exception) when (IsUnreachable(exception) && waited.Elapsed + wait < Patience)
            {
                LogWaiting(logger, database.Settings.Name, wait.TotalSeconds, exception.Message);
                await Task.Delay(wait, cancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A transient database error, also when a migration script's failure wraps it.</summary>
    private static bool IsUnreachable(Exception exception) =>
        exception is DbException { IsTransient: true } || exception.InnerException is DbException { IsTransient: true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The '{Database}' database cannot be reached yet ({Reason}); migrating again in {Seconds} s")]
    private static partial void LogWaiting(ILogger logger, string database, double seconds, string reason);
}
