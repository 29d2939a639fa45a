using KnowledgeHub.Contracts.Alignment;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features.Directory;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Keeps projects' names (followable, and named in their followers' notifications); their tags become followable.</summary>
internal sealed class ProjectChangedConsumer(NotificationsDatabase database, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, ProjectChanged>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, ProjectChanged message, CancellationToken cancellationToken)
    {
        if (message.ProjectId == Guid.Empty || string.IsNullOrWhiteSpace(message.Name) || message.Version < 1)
        {
            throw new InvalidEventException("A ProjectChanged needs a project, a name and a version.");
        }

        await work.ExecuteAsync(
            """
            INSERT INTO projects (id, name, version) VALUES (@ProjectId, @Name, @Version)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version
            WHERE projects.version < excluded.version
            """,
            new { message.ProjectId, message.Name, message.Version });
        await Tags.RememberAsync(work, message.Tags ?? []);
    }
}
