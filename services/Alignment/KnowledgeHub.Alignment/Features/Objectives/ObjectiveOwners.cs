using KnowledgeHub.Alignment.Features.Members;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Objectives;

/// <summary>
/// Joint ownership of objectives: the people and departments that own one, and the people who own
/// one of its key results. Owners of the objective or of a key result may check that key result in.
/// </summary>
internal static class ObjectiveOwners
{
    public const int MaxOwners = 20;

    /// <summary>
    /// Adds an error for each owner the objective or one of its key results names who is nobody
    /// Alignment knows; the caller is known from this call on.
    /// </summary>
    public static async Task CheckKnownAsync(UnitOfWork work, Validation validation, ObjectiveInput input, Guid caller, TimeProvider time)
    {
        await KnownPeople.RememberAsync(work, caller, time);
        await KnownPeople.CheckAsync(work, validation, "owners", input.Owners);
        for (var index = 0; index < input.KeyResults.Count; index++)
        {
            await KnownPeople.CheckAsync(work, validation, $"keyResults[{index}].owners", input.KeyResults[index].Owners);
        }
    }

    /// <summary>Replaces the objective's owners; <paramref name="departments"/> always holds its own department.</summary>
    public static async Task SetAsync(UnitOfWork work, Guid objectiveId, IReadOnlyList<Guid>? people, IReadOnlyList<string> departments)
    {
        if (people is not null)
        {
            await work.ExecuteAsync("DELETE FROM objective_owners WHERE objective_id = @Id", new { Id = objectiveId });
            await work.ExecuteAsync(
                "INSERT INTO objective_owners (objective_id, person_id) VALUES (@ObjectiveId, @PersonId)",
                people.Distinct().Select(person => new { ObjectiveId = objectiveId, PersonId = person }));
        }

        await work.ExecuteAsync("DELETE FROM objective_departments WHERE objective_id = @Id", new { Id = objectiveId });
        await work.ExecuteAsync(
            "INSERT INTO objective_departments (objective_id, department) VALUES (@ObjectiveId, @Department)",
            departments.Distinct(StringComparer.Ordinal).Select(department => new { ObjectiveId = objectiveId, Department = department }));
    }

    /// <summary>Replaces a key result's own owners when <paramref name="people"/> is given.</summary>
    public static async Task SetKeyResultAsync(UnitOfWork work, Guid keyResultId, IReadOnlyList<Guid>? people)
    {
        if (people is null)
        {
            return;
        }

        await work.ExecuteAsync("DELETE FROM key_result_owners WHERE key_result_id = @Id", new { Id = keyResultId });
        await work.ExecuteAsync(
            "INSERT INTO key_result_owners (key_result_id, person_id) VALUES (@KeyResultId, @PersonId)",
            people.Distinct().Select(person => new { KeyResultId = keyResultId, PersonId = person }));
    }

    /// <summary>Whether <paramref name="personId"/> owns the objective or the key result.</summary>
    public static Task<bool> OwnsAsync(DbSession session, Guid objectiveId, Guid keyResultId, Guid personId) =>
        session.ScalarAsync<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM objective_owners WHERE objective_id = @ObjectiveId AND person_id = @PersonId)
                OR EXISTS (SELECT 1 FROM key_result_owners WHERE key_result_id = @KeyResultId AND person_id = @PersonId)
            """,
            new { ObjectiveId = objectiveId, KeyResultId = keyResultId, PersonId = personId });
}
