using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Objectives;

/// <summary>Writes key results so that every value one has ever had stays in its history.</summary>
internal static class KeyResults
{
    /// <summary>Adds a key result; its first value (the baseline unless given) opens its history.</summary>
    public static async Task AddAsync(
        UnitOfWork work, Guid objectiveId, int position, KeyResultInput input, Guid by, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        await work.ExecuteAsync(
            """
            INSERT INTO key_results (id, objective_id, position, title, baseline, target, current_value, unit, updated_at)
            VALUES (@Id, @ObjectiveId, @Position, @Title, @Baseline, @Target, @Current, @Unit, @Now)
            """,
            new { Id = id, ObjectiveId = objectiveId, Position = position, input.Title, input.Baseline, input.Target, Current = input.Current ?? input.Baseline, input.Unit, Now = now });
        await RecordAsync(work, id, input.Current ?? input.Baseline, by, now);
        await ObjectiveOwners.SetKeyResultAsync(work, id, input.Owners);
    }

    /// <summary>Sets a key result's current value and records it as a check-in.</summary>
    public static async Task CheckInAsync(
        UnitOfWork work, Guid keyResultId, decimal value, Guid by, DateTimeOffset now)
    {
        await work.ExecuteAsync(
            "UPDATE key_results SET current_value = @Value, updated_at = @Now WHERE id = @Id",
            new { Id = keyResultId, Value = value, Now = now });
        await RecordAsync(work, keyResultId, value, by, now);
    }

    private static Task RecordAsync(UnitOfWork work, Guid keyResultId, decimal value, Guid by, DateTimeOffset now) =>
        work.ExecuteAsync(
            """
            INSERT INTO key_result_checkins (id, key_result_id, value, checked_in_by, checked_in_at)
            VALUES (@Id, @KeyResultId, @Value, @By, @Now)
            """,
            new { Id = Guid.CreateVersion7(), KeyResultId = keyResultId, Value = value, By = by, Now = now });
}
