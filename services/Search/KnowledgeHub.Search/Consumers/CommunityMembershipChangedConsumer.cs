using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Search.Consumers;

/// <summary>Remembers who is an active member of which community, for the permission filter.</summary>
internal sealed class CommunityMembershipChangedConsumer(SearchDatabase database, TimeProvider time)
    : InboxConsumer<SearchDatabase, CommunityMembershipChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, CommunityMembershipChanged message, CancellationToken cancellationToken)
    {
        if (message.CommunityId == Guid.Empty || message.PersonId == Guid.Empty || message.Version < 1
            || message.Status is not ("active" or "pending" or "left"))
        {
            throw new InvalidEventException("A CommunityMembershipChanged needs a community, a person, a version and a known status.");
        }

        return work.ExecuteAsync(
            """
            INSERT INTO community_memberships (community_id, person_id, status, version)
            VALUES (@CommunityId, @PersonId, @Status, @Version)
            ON CONFLICT (community_id, person_id) DO UPDATE SET status = excluded.status, version = excluded.version
            WHERE community_memberships.version < excluded.version
            """,
            new { message.CommunityId, message.PersonId, message.Status, message.Version });
    }
}
