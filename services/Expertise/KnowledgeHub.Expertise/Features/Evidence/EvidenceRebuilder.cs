using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>
/// Derives again, each in its own transaction, the evidence of the sources queued in
/// <c>evidence_rebuilds</c> (ADR 0116): a post, an answer or a project membership is rebuilt from its
/// stored state as its consumer would, taking its object's lock. Woken by local commits, polling for
/// other instances' queues. A source is claimed by deleting its row in the transaction that rebuilds
/// it: another instance's claim waits for that commit and then finds nothing, and a rebuild that fails
/// leaves the row for the next round.
/// </summary>
internal sealed partial class EvidenceRebuilder(
    ExpertiseDatabase database,
    CommunityEvidence community,
    ProjectEvidence projects,
    EvidenceRebuildSignal signal,
    ILogger<EvidenceRebuilder> logger) : BackgroundService
{
    /// <summary>How often the queue is read when no local commit wakes the rebuilder (other instances' queues).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private const int Page = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await RebuiltFullPageAsync(stoppingToken))
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was not rebuilt is still queued.
        }
    }

    /// <summary>Rebuilds the oldest queued sources; true when a whole page was done, so that more may be waiting.</summary>
    private async Task<bool> RebuiltFullPageAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> queued;
        try
        {
            await using var session = await database.OpenSessionAsync(cancellationToken);
            queued = await session.QueryAsync<string>($"SELECT source FROM evidence_rebuilds ORDER BY requested_at, source LIMIT {Page}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A database that is down for a while must only delay the rebuilds, never stop the host.
            LogReadFailed(logger, exception);
            return false;
        }

        var failed = false;
        foreach (var source in queued)
        {
            try
            {
                await RebuildAsync(source, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRebuildFailed(logger, exception, source);
                failed = true;
            }
        }

        return queued.Count == Page && !failed;
    }

    private async Task RebuildAsync(string source, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        if (await work.ExecuteAsync("DELETE FROM evidence_rebuilds WHERE source = @Source", new { Source = source }) == 0)
        {
            return;
        }

        var rebuilt = source.Split(':') switch
        {
            ["post", var post] when Guid.TryParse(post, out var postId) => community.RebuildPostAsync(work, postId),
            ["answer", var answer] when Guid.TryParse(answer, out var answerId) => community.RebuildAnswerAsync(work, answerId),
            ["project", var project, var person] when Guid.TryParse(project, out var projectId) && Guid.TryParse(person, out var personId) =>
                projects.RebuildAsync(work, projectId, personId),
            _ => null,
        };
        if (rebuilt is null)
        {
            LogUnknownSource(logger, source);
        }
        else
        {
            await rebuilt;
        }

        await work.CommitAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the queued evidence rebuilds failed; retrying at the next round")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the evidence of {Source} failed; it stays queued for the next round")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A queued evidence rebuild names a source no rebuild knows, {Source}; dropped")]
    private static partial void LogUnknownSource(ILogger logger, string source);
}
