using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Notifications.Consumers;

/// <summary>
/// Keeps who is an active member (and lead) of each community: a closed community's news reaches
/// its active members only, and a person who left stops receiving it.
/// </summary>
internal sealed class CommunityMembershipChangedConsumer(NotificationsDatabase database, TimeProvider time)
    : InboxConsumer<NotificationsDatabase, CommunityMembershipChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, CommunityMembershipChanged message, CancellationToken cancellationToken)
    {
        if (message.CommunityId == Guid.Empty || message.PersonId == Guid.Empty || message.Version < 1
            || message.Status is not ("active" or "pending" or "left") || message.Role is not ("lead" or "member"))
        {
            throw new InvalidEventException("A CommunityMembershipChanged needs a community, a person, a version, a known role and a known status.");
        }

        return work.ExecuteAsync(
            """
            INSERT INTO memberships (community_id, person_id, role, status, version) VALUES (@CommunityId, @PersonId, @Role, @Status, @Version)
            ON CONFLICT (community_id, person_id) DO UPDATE SET role = excluded.role, status = excluded.status, version = excluded.version
            WHERE memberships.version < excluded.version
            """,
            new { message.CommunityId, message.PersonId, message.Role, message.Status, message.Version });
    }
}
