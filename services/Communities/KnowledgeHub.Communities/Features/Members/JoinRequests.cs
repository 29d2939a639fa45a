using Dapper;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;

namespace KnowledgeHub.Communities.Features.Members;

/// <summary>
/// Announces requests to join and the leads' decisions on them, in the transaction that makes them,
/// so that Notifications can tell the leads and then the applicant.
/// </summary>
internal static class JoinRequests
{
    public static async Task AnnounceRequestAsync(
        UnitOfWork work, Outbox<CommunitiesDatabase> outbox, Guid communityId, Guid personId, string displayName, long version, DateTimeOffset now)
    {
        var community = await CommunityAsync(work, communityId);
        var leads = (await work.QueryAsync<Guid>(
            "SELECT person_id FROM memberships WHERE community_id = @CommunityId AND role = 'lead' AND status = 'active'",
            new { CommunityId = communityId })).AsList();
        await outbox.EnqueueAsync(
            work,
            new CommunityJoinRequested(communityId, community.Slug, community.Name, personId, displayName, leads, version, now));
    }

    public static async Task AnnounceDecisionAsync(
        UnitOfWork work, Outbox<CommunitiesDatabase> outbox, Guid communityId, Guid personId, bool approved, Guid decidedBy, long version, DateTimeOffset now)
    {
        var community = await CommunityAsync(work, communityId);
        await outbox.EnqueueAsync(
            work,
            new CommunityJoinDecided(communityId, community.Slug, community.Name, personId, approved, decidedBy, version, now));
    }

    private static Task<CommunityName> CommunityAsync(UnitOfWork work, Guid communityId) =>
        work.QuerySingleAsync<CommunityName>(
            "SELECT slug AS Slug, name AS Name FROM communities WHERE id = @CommunityId",
            new { CommunityId = communityId });

    private sealed class CommunityName
    {
        public required string Slug { get; init; }

        public required string Name { get; init; }
    }
}
