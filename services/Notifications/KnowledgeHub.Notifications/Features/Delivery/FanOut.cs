using System.Text.Json;
using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications.Features.Delivery;

/// <summary>
/// Activity for the followers of its targets (<c>community:{id}</c>, <c>person:{id}</c>,
/// <c>tag:{name}</c>, ...). The event's consumer only records the job; <see cref="FanOutWorker"/>
/// tells the followers in batches, so a post followed by thousands never holds up a consumer.
/// </summary>
internal static class FanOut
{
    public const int BatchSize = 500;

    public static Task EnqueueAsync(UnitOfWork work, Notice notice, IReadOnlyCollection<string> targets, Audience audience, FanOutSignal signal, DateTimeOffset now)
    {
        work.AfterCommit(signal.Notify);
        return work.ExecuteAsync(
            """
            INSERT INTO fanout_jobs (id, kind, title, url, actor_id, dedupe_key, community_id, targets, after_person, created_at)
            VALUES (@Id, @Kind, @Title, @Url, @ActorId, @DedupeKey, @MembersOf, @Targets, NULL, @Now)
            """,
            new
            {
                Id = Guid.CreateVersion7(now),
                notice.Kind,
                notice.Title,
                notice.Url,
                notice.ActorId,
                notice.DedupeKey,
                audience.MembersOf,
                Targets = JsonSerializer.Serialize(targets.Distinct(StringComparer.Ordinal)),
                Now = now,
            });
    }

    /// <summary>
    /// Tells the next batch of followers of the oldest job; false when no work is known to be left. The
    /// job is read with whether another one waits, so the worker does not open a transaction only to
    /// find the queue empty after each job (about a quarter of its transactions under a steady load).
    /// </summary>
    public static async Task<bool> RunBatchAsync(NotificationsDatabase database, Notifier notifier, CancellationToken cancellationToken)
    {
        await using var work = await database.BeginAsync(cancellationToken);
        var job = await work.QueryOneAsync<Job>(
            $"""
            SELECT id AS Id, kind AS Kind, title AS Title, url AS Url, actor_id AS ActorId, dedupe_key AS DedupeKey,
                   community_id AS CommunityId, targets AS Targets, after_person AS AfterPerson,
                   EXISTS (SELECT 1 FROM fanout_jobs other WHERE other.id <> fanout_jobs.id) AS OthersWaiting
            FROM fanout_jobs ORDER BY created_at, id LIMIT 1 {database.Dialect.ForUpdateSkipLocked}
            """);
        if (job is null)
        {
            return false;
        }

        var notice = new Notice(job.Kind, job.Title, job.Url, job.ActorId, job.DedupeKey);
        var audience = new Audience(job.CommunityId);
        var sql = $"""
            SELECT DISTINCT f.person_id FROM follows f
            WHERE {database.Dialect.InList("f.target_key", "@Targets")}
              AND NOT EXISTS (SELECT 1 FROM preference_kinds p WHERE p.person_id = f.person_id AND p.setting = 'muted' AND p.kind = @Kind)
              {audience.Condition("f.person_id")}
              {(job.ActorId is null ? "" : "AND f.person_id <> @ActorId")}
              {(job.AfterPerson is null ? "" : "AND f.person_id > @AfterPerson")}
            ORDER BY f.person_id
            LIMIT @Take
            """;
        var followers = await work.QueryAsync<Guid>(sql, new
        {
            Targets = JsonSerializer.Deserialize<string[]>(job.Targets),
            job.Kind,
            audience.MembersOf,
            job.ActorId,
            job.AfterPerson,
            Take = BatchSize,
        });
        await notifier.WriteAsync(work, notice, followers);
        var finished = followers.Count < BatchSize;
        if (finished)
        {
            await work.ExecuteAsync("DELETE FROM fanout_jobs WHERE id = @Id", new { job.Id });
        }
        else
        {
            await work.ExecuteAsync("UPDATE fanout_jobs SET after_person = @Last WHERE id = @Id", new { job.Id, Last = followers[^1] });
        }

        await work.CommitAsync();
        return !finished || job.OthersWaiting;
    }

    private sealed class Job
    {
        public Guid Id { get; init; }

        public required string Kind { get; init; }

        public required string Title { get; init; }

        public required string Url { get; init; }

        public Guid? ActorId { get; init; }

        public required string DedupeKey { get; init; }

        public Guid? CommunityId { get; init; }

        public required string Targets { get; init; }

        public Guid? AfterPerson { get; init; }

        public bool OthersWaiting { get; init; }
    }
}
