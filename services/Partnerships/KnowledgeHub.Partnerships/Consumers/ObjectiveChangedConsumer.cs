using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>An objective's title, the departments that own it (its own first) and the people who own it.</summary>
internal sealed class ObjectiveChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<ObjectiveChanged>(database, time)
{
    protected override async Task ApplyInTurnAsync(UnitOfWork work, ObjectiveChanged message)
    {
        if (message.ObjectiveId == Guid.Empty || string.IsNullOrWhiteSpace(message.Department) || message.Version < 1)
        {
            throw new InvalidEventException("An ObjectiveChanged needs an objective id, a department and a version.");
        }

        var key = new { message.ObjectiveId };
        var written = await work.ExecuteAsync(
            """
            INSERT INTO objectives (id, title, department, version) VALUES (@ObjectiveId, @Title, @Department, @Version)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, department = excluded.department, version = excluded.version
            WHERE objectives.version < excluded.version
            """,
            new { message.ObjectiveId, message.Title, message.Department, message.Version });
        if (written == 0)
        {
            return;
        }

        await work.ExecuteAsync("DELETE FROM objective_departments WHERE objective_id = @ObjectiveId", key);
        foreach (var department in (message.OwnerDepartments ?? []).Prepend(message.Department).Distinct())
        {
            await work.ExecuteAsync(
                "INSERT INTO objective_departments (objective_id, department) VALUES (@ObjectiveId, @Department)",
                new { message.ObjectiveId, Department = department });
        }

        if (message.Owners is { } owners)
        {
            await work.ExecuteAsync("DELETE FROM objective_owners WHERE objective_id = @ObjectiveId", key);
            foreach (var owner in owners.Distinct())
            {
                await work.ExecuteAsync(
                    "INSERT INTO objective_owners (objective_id, person_id) VALUES (@ObjectiveId, @PersonId)",
                    new { message.ObjectiveId, PersonId = owner });
            }
        }
    }
}
