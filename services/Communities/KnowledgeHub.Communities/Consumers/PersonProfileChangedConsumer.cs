using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Communities.Consumers;

/// <summary>Keeps display names and departments current; an older profile never overwrites a newer one.</summary>
internal sealed class PersonProfileChangedConsumer(CommunitiesDatabase database, TimeProvider time)
    : InboxConsumer<CommunitiesDatabase, PersonProfileChanged>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, PersonProfileChanged message, CancellationToken cancellationToken)
    {
        if (message.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(message.DisplayName) || message.Version < 1)
        {
            throw new InvalidEventException("A PersonProfileChanged needs a person id, a display name and a version.");
        }

        if (await ErasedPeople.ErasedSinceAsync(work, message.PersonId, message.UpdatedAt))
        {
            return; // on its way when they were erased
        }

        await work.ExecuteAsync(
            """
            INSERT INTO people (id, display_name, department, version)
            VALUES (@PersonId, @DisplayName, @Department, @Version)
            ON CONFLICT (id) DO UPDATE
                SET display_name = excluded.display_name, department = excluded.department, version = excluded.version
                WHERE people.version < excluded.version
            """,
            new { message.PersonId, message.DisplayName, Department = message.Department ?? "", message.Version });
    }
}
