using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Reminders;

/// <summary>
/// Deletes the claims (<c>due_reminders</c> rows) no reminder can need again. A claim keeps a window
/// from being reminded twice only while that window is the current one; once it has passed, the next
/// pass computes a later window. Claims are kept one further window of the longer kind as a margin
/// for instances whose clocks differ.
/// </summary>
internal sealed class SpentReminders(AlignmentDatabase database, ReminderSettings settings, TimeProvider time)
{
    /// <summary>Deletes the spent claims; returns how many.</summary>
    public async Task<int> DeleteAsync(CancellationToken cancellationToken)
    {
        var longest = settings.StatusReportAfter > settings.CheckInAfter ? settings.StatusReportAfter : settings.CheckInAfter;
        await using var session = await database.OpenSessionAsync(cancellationToken);
        return await session.ExecuteAsync(
            "DELETE FROM due_reminders WHERE due_since < @Cutoff",
            new { Cutoff = time.UtcNowForDatabase() - (longest * 2) });
    }
}
