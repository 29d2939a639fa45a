using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>Keeps the names of departments; an older event never overwrites a newer one.</summary>
internal sealed class DepartmentChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : InboxConsumer<PartnershipsDatabase, DepartmentChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, DepartmentChanged message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.Code) || string.IsNullOrWhiteSpace(message.Name) || message.Version < 1)
        {
            throw new InvalidEventException("A DepartmentChanged needs a code, a name and a version.");
        }

        return work.ExecuteAsync(
            """
            INSERT INTO departments (code, name, version) VALUES (@Code, @Name, @Version)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, version = excluded.version
            WHERE departments.version < excluded.version
            """,
            new { message.Code, message.Name, message.Version });
    }
}
