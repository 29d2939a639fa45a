using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging;
using KnowledgeHub.Partnerships.Features.Record;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>Who belongs to which community; active members count toward the departments a community brings together.</summary>
internal sealed class CommunityMembershipChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : LedgerConsumer<CommunityMembershipChanged>(database, time)
{
    protected override async Task ApplyInTurnAsync(UnitOfWork work, CommunityMembershipChanged message)
    {
        if (message.CommunityId == Guid.Empty || message.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(message.Status))
        {
            throw new InvalidEventException("A CommunityMembershipChanged needs a community, a person and a status.");
        }

        var key = new { message.CommunityId, message.PersonId };
        var current = await work.QueryOneAsync<MemberRow>(
            "SELECT status AS Status, version AS Version FROM community_members WHERE community_id = @CommunityId AND person_id = @PersonId", key);
        if (current is not null && current.Version >= message.Version)
        {
            return;
        }

        await work.ExecuteAsync(
            """
            INSERT INTO community_members (community_id, person_id, role, status, version) VALUES (@CommunityId, @PersonId, @Role, @Status, @Version)
            ON CONFLICT (community_id, person_id) DO UPDATE SET role = excluded.role, status = excluded.status, version = excluded.version
            """,
            new { message.CommunityId, message.PersonId, message.Role, message.Status, message.Version });
        var wasActive = current?.Status == "active";
        var isActive = message.Status == "active";
        var department = await work.QueryOneAsync<string>("SELECT department FROM people WHERE id = @PersonId", key);
        if (wasActive != isActive && department is not null)
        {
            await CommunityDepartments.AddAsync(work, message.CommunityId, department, isActive ? +1 : -1);
        }
    }

    private sealed class MemberRow
    {
        public required string Status { get; init; }

        public long Version { get; init; }
    }
}
