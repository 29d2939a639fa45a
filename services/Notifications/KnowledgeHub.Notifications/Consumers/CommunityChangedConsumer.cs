using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;
using KnowledgeHub.Notifications.Features.Directory;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>Keeps communities' names, slugs and visibility; their tags become followable.</summary>
internal sealed class CommunityChangedConsumer(NotificationsDatabase database, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, CommunityChanged>(database, time)
{
    protected override async Task ApplyAsync(UnitOfWork work, CommunityChanged message, CancellationToken cancellationToken)
    {
        if (message.CommunityId == Guid.Empty || string.IsNullOrWhiteSpace(message.Name) || message.Visibility is not ("open" or "closed") || message.Version < 1)
        {
            throw new InvalidEventException("A CommunityChanged needs a community, a name, a visibility (open or closed) and a version.");
        }

        await work.ExecuteAsync(
            """
            INSERT INTO communities (id, slug, name, visibility, version) VALUES (@CommunityId, @Slug, @Name, @Visibility, @Version)
            ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, visibility = excluded.visibility, version = excluded.version
            WHERE communities.version < excluded.version
            """,
            new { message.CommunityId, message.Slug, message.Name, message.Visibility, message.Version });
        await Tags.RememberAsync(work, message.Tags ?? []);
    }
}
