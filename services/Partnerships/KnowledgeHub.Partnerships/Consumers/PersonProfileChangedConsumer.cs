using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Privacy;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>
/// A person's name, skills and department. A move adds to the department history: help recorded
/// before it keeps the old department; help recorded before any profile arrived is counted now.
/// </summary>
internal sealed class PersonProfileChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<PersonProfileChanged>(database, time)
{
    protected override async Task ApplyInTurnAsync(UnitOfWork work, PersonProfileChanged message)
    {
        if (message.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(message.Department) || message.Version < 1)
        {
            throw new InvalidEventException("A PersonProfileChanged needs a person id, a department and a version.");
        }

        if (await ErasedPeople.ErasedSinceAsync(work, message.PersonId, message.UpdatedAt))
        {
            return; // on its way when they were erased
        }

        // The history takes every profile, even one older than the profile kept: it says where the person was then.
        await DepartmentHistory.NoteAsync(work, message.PersonId, message.Department, message.UpdatedAt);
        var current = await work.QueryOneAsync<PersonRow>(
            "SELECT department AS Department, version AS Version FROM people WHERE id = @PersonId", new { message.PersonId });
        if (current is not null && current.Version >= message.Version)
        {
            return; // no newer than the profile kept
        }

        await work.ExecuteAsync(
            """
            INSERT INTO people (id, display_name, department, version, active) VALUES (@PersonId, @DisplayName, @Department, @Version, @Active)
            ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, department = excluded.department, version = excluded.version, active = excluded.active
            """,
            new { message.PersonId, message.DisplayName, message.Department, message.Version, message.Active });
        await work.ExecuteAsync("DELETE FROM person_skills WHERE person_id = @PersonId", new { message.PersonId });
        foreach (var skill in message.Skills.Where(skill => !string.IsNullOrWhiteSpace(skill)).Distinct(StringComparer.Ordinal))
        {
            await work.ExecuteAsync("INSERT INTO person_skills (person_id, skill) VALUES (@PersonId, @Skill)", new { message.PersonId, Skill = skill });
        }

        if (current?.Department != message.Department)
        {
            await CommunityDepartments.MoveAsync(work, message.PersonId, current?.Department, message.Department);
        }
    }

    private sealed class PersonRow
    {
        public required string Department { get; init; }

        public long Version { get; init; }
    }
}
