using KnowledgeHub.Alignment.Features.Objectives;
using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Alignment.Features.Reminders;

/// <summary>
/// Publishes what people owe: a status report for an active project without one within
/// <c>Alignment:Reminders:StatusReportAfter</c> (the scorecard's stale window by default; to its lead), a check-in for a key result of a current objective
/// without one within <c>Alignment:Reminders:CheckInAfter</c> (to its owners). Windows follow one
/// another from the last report or check-in (the project's creation when it has no report), so a
/// reminder comes again each window nothing happens. Each (subject, window) is claimed by a row of
/// <c>due_reminders</c> in the transaction that queues its event, so several instances publish it once.
/// </summary>
internal sealed class DueReminders(AlignmentDatabase database, Outbox<AlignmentDatabase> outbox, ReminderSettings settings, TimeProvider time)
{
    /// <summary>Publishes the reminders that became due; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNowForDatabase();
        await using var work = await database.BeginAsync(cancellationToken);
        var published = 0;
        var projects = await work.QueryAsync<StaleProject>(
            """
            SELECT id AS ProjectId, name AS Name, lead_id AS LeadId, last_reported_at AS LastReportedAt, created_at AS CreatedAt
            FROM projects WHERE status = 'active' AND COALESCE(last_reported_at, created_at) <= @Before
            """,
            new { Before = now - settings.StatusReportAfter });
        foreach (var project in projects)
        {
            var dueSince = WindowStart(project.LastReportedAt ?? project.CreatedAt, settings.StatusReportAfter, now);
            if (await ClaimAsync(work, $"project:{project.ProjectId}", dueSince, now))
            {
                await outbox.EnqueueAsync(work, new ProjectStatusReportDue(project.ProjectId, project.Name, project.LeadId, project.LastReportedAt, dueSince));
                published++;
            }
        }

        var keyResults = await work.QueryAsync<QuietKeyResult>(
            $"""
            SELECT k.id AS KeyResultId, k.objective_id AS ObjectiveId, k.title AS KeyResultTitle, o.title AS ObjectiveTitle, c.last_at AS LastCheckInAt
            FROM key_results k
            JOIN objectives o ON o.id = k.objective_id
            JOIN (SELECT key_result_id, max(checked_in_at) AS last_at FROM key_result_checkins GROUP BY key_result_id) c ON c.key_result_id = k.id
            WHERE {work.Dialect.InList("o.period", "@Periods")} AND c.last_at <= @Before
            """,
            new { Periods = Periods.Containing($"{now.Year:0000}-Q{((now.Month - 1) / 3) + 1}").ToArray(), Before = now - settings.CheckInAfter });
        foreach (var keyResult in keyResults)
        {
            var dueSince = WindowStart(keyResult.LastCheckInAt, settings.CheckInAfter, now);
            if (await ClaimAsync(work, $"key-result:{keyResult.KeyResultId}", dueSince, now))
            {
                var owners = await work.QueryAsync<Guid>(
                    """
                    SELECT person_id FROM key_result_owners WHERE key_result_id = @KeyResultId
                    UNION SELECT person_id FROM objective_owners WHERE objective_id = @ObjectiveId
                    """,
                    new { keyResult.KeyResultId, keyResult.ObjectiveId });
                await outbox.EnqueueAsync(work, new KeyResultCheckInDue(
                    keyResult.ObjectiveId, keyResult.KeyResultId, keyResult.ObjectiveTitle, keyResult.KeyResultTitle, owners, keyResult.LastCheckInAt, dueSince));
                published++;
            }
        }

        await work.CommitAsync();
        return published;
    }

    /// <summary>The start of the window <paramref name="now"/> falls in, windows following one another from <paramref name="since"/>.</summary>
    private static DateTimeOffset WindowStart(DateTimeOffset since, TimeSpan window, DateTimeOffset now) =>
        since + (window * Math.Floor((now - since) / window));

    private static async Task<bool> ClaimAsync(UnitOfWork work, string subject, DateTimeOffset dueSince, DateTimeOffset now) =>
        await work.ExecuteAsync(
            "INSERT INTO due_reminders (subject, due_since, published_at) VALUES (@Subject, @DueSince, @Now) ON CONFLICT (subject, due_since) DO NOTHING",
            new { Subject = subject, DueSince = dueSince, Now = now }) == 1;

    private sealed class StaleProject
    {
        public Guid ProjectId { get; init; }

        public required string Name { get; init; }

        public Guid LeadId { get; init; }

        public DateTimeOffset? LastReportedAt { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class QuietKeyResult
    {
        public Guid KeyResultId { get; init; }

        public Guid ObjectiveId { get; init; }

        public required string KeyResultTitle { get; init; }

        public required string ObjectiveTitle { get; init; }

        public DateTimeOffset LastCheckInAt { get; init; }
    }
}
