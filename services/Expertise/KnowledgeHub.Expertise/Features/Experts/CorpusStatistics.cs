using Microsoft.Extensions.Logging;

namespace KnowledgeHub.Expertise.Features.Experts;

/// <summary>
/// The corpus figures BM25 needs, how many evidence documents there are and their average length, kept
/// by each Expertise instance instead of counted for every question (ADR 0082): counting reads every
/// document, and the figures move slowly. A question takes the figures it finds and, once they are
/// older than <see cref="MaxAge"/>, has them counted again in the background, one count at a time. It
/// waits for a count only when there are none yet, or when this instance's own document writes since
/// the last count reach a tenth of the documents counted: a small corpus stays exact, a large one is
/// counted at most once in <see cref="MaxAge"/> while questions come. Other instances' writes are seen at the next count.
/// </summary>
internal sealed class CorpusStatistics(ExpertiseDatabase database, TimeProvider time, ILogger<CorpusStatistics> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const double MaxLocalDrift = 0.1;

    private readonly Lock _gate = new();
    private Figures? _current;
    private Task<Figures>? _counting;
    private long _writes;

    /// <summary>The figures for one question.</summary>
    public async Task<Figures> CurrentAsync()
    {
        Task<Figures>? wait;
        Figures? current;
        lock (_gate)
        {
            current = _current;
            var mustWait = current is null || _writes >= MaxLocalDrift * Math.Max(1, current.Documents);
            if (_counting is null && (mustWait || time.GetUtcNow() - current!.CountedAt >= MaxAge))
            {
                // Started on the pool, not here: SQLite opens and reads synchronously, and the count would then run inside the lock.
                var writesSeen = _writes;
                _counting = Task.Run(() => CountAsync(writesSeen));
            }

            wait = mustWait ? _counting : null;
        }

        return wait is null ? current! : await wait;
    }

    /// <summary>A document of this instance was written or removed (called inside the writer's transaction).</summary>
    public void DocumentChanged()
    {
        lock (_gate)
        {
            _writes++;
        }
    }

    private async Task<Figures> CountAsync(long writesSeen)
    {
        try
        {
            await using var session = await database.OpenSessionAsync();
            var row = await session.QueryOneAsync<CountRow>(
                """
                SELECT (SELECT count(*) FROM evidence_documents) AS Documents,
                       (SELECT coalesce(avg(length), 1) FROM evidence_documents) AS AverageLength
                """);
            var figures = new Figures(row?.Documents ?? 0, row?.AverageLength ?? 1, time.GetUtcNow());
            lock (_gate)
            {
                _current = figures;
                _writes -= writesSeen;
            }

            return figures;
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Counting the evidence documents failed; questions keep the figures counted at {CountedAt}.", _current?.CountedAt);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _counting = null;
            }
        }
    }

    public sealed record Figures(long Documents, double AverageLength, DateTimeOffset CountedAt);

    private sealed class CountRow
    {
        public long Documents { get; init; }

        public double AverageLength { get; init; } = 1;
    }
}
