using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features.Record;

/// <summary>Which department a person was in at a moment: a move is a new row, so the past keeps its departments.</summary>
internal static class DepartmentHistory
{
    /// <summary>
    /// The department the person had at <paramref name="at"/>; before their first known profile, the
    /// first department known; null while no profile has arrived.
    /// </summary>
    public static async Task<string?> AtAsync(DbSession session, Guid personId, DateTimeOffset at)
    {
        var rows = await session.QueryAsync<Row>(
            "SELECT since AS Since, department AS Department FROM department_history WHERE person_id = @PersonId ORDER BY since",
            new { PersonId = personId });
        return rows.LastOrDefault(row => row.Since <= at)?.Department ?? rows.FirstOrDefault()?.Department;
    }

    /// <summary>
    /// Notes that a profile named <paramref name="department"/> at <paramref name="since"/>, whatever order
    /// profiles arrive in, and re-resolves the person's help that this changes: all of it when the note
    /// is the earliest (it then stands for the time before it too), otherwise the help from then on.
    /// </summary>
    public static async Task NoteAsync(UnitOfWork work, Guid personId, string department, DateTimeOffset since)
    {
        if (await AtAsync(work, personId, since) == department)
        {
            return;
        }

        var earlier = await work.ScalarAsync<long>(
            "SELECT count(*) FROM department_history WHERE person_id = @PersonId AND since < @Since", new { PersonId = personId, Since = since });
        await work.ExecuteAsync(
            """
            INSERT INTO department_history (person_id, since, department) VALUES (@PersonId, @Since, @Department)
            ON CONFLICT (person_id, since) DO UPDATE SET department = excluded.department
            """,
            new { PersonId = personId, Since = since, Department = department });
        await Ledger.RefreshAsync(
            work,
            earlier == 0 ? "(giver_id = @PersonId OR receiver_id = @PersonId)" : "(giver_id = @PersonId OR receiver_id = @PersonId) AND occurred_at >= @Since",
            new { PersonId = personId, Since = since });
    }

    private sealed class Row
    {
        public DateTimeOffset Since { get; init; }

        public required string Department { get; init; }
    }
}
