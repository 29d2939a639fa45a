using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Consumers;

/// <summary>
/// The authors of an imported Q&amp;A history get a profile if they have none (ADR 0044), in no
/// department yet, so that their imported answers rank them. A profile that exists is left as it is.
/// </summary>
internal sealed class PeopleImportedConsumer(
    ExpertiseDatabase database, TimeProvider time, DepartmentDirectory departments, PersonChanges changes)
    : InboxConsumer<ExpertiseDatabase, PeopleImported>(database, time)
{
    private readonly TimeProvider _time = time;

    protected override async Task ApplyAsync(UnitOfWork work, PeopleImported message, CancellationToken cancellationToken)
    {
        await departments.EnsureAsync(work, DepartmentCodes.Unassigned);
        var now = _time.UtcNowForDatabase();
        foreach (var person in message.People.DistinctBy(person => person.Id))
        {
            EventChecks.RequireId(person.Id, "person id", nameof(PeopleImported));
            EventChecks.RequireText(person.Email, "email", nameof(PeopleImported));
            var name = string.IsNullOrWhiteSpace(person.DisplayName) ? person.Email : person.DisplayName.Trim();
            name = name.Length <= ProfileRules.MaxNameLength ? name : name[..ProfileRules.MaxNameLength];
            var created = await work.ExecuteAsync(
                """
                INSERT INTO people (id, email, display_name, name_key, department, version, created_at, updated_at)
                VALUES (@Id, @Email, @DisplayName, @NameKey, @Department, 1, @Now, @Now)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    person.Id,
                    Email = person.Email.Trim().ToLowerInvariant(),
                    DisplayName = name,
                    NameKey = ProfileRules.NameKey(name),
                    Department = DepartmentCodes.Unassigned,
                    Now = now,
                });
            if (created == 1)
            {
                await changes.PublishAsync(work, person.Id);
            }
        }
    }
}
