using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeHub.Communities.Features.Members;

/// <summary>
/// The end of a membership, whether the person leaves or a lead removes them: never the community's
/// last lead, and announced to the other services as leaving.
/// </summary>
internal static class EndMembership
{
    /// <returns>Null when the membership ended and the transaction committed, otherwise why not.</returns>
    public static async Task<ProblemHttpResult?> RunAsync(
        UnitOfWork work,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        Guid communityId,
        Guid personId,
        bool isLead,
        string endStatus,
        string stepDownAction)
    {
        if (isLead && await Membership.OtherActiveLeadsAsync(work, communityId, personId) == 0)
        {
            return LastLead.CannotStepDown(stepDownAction);
        }

        var version = await Membership.ChangeAsync(work, communityId, personId, Membership.Member, endStatus, joinedAt: null);
        await outbox.EnqueueAsync(
            work,
            new CommunityMembershipChanged(communityId, personId, Membership.Member, Membership.Announced(endStatus), version!.Value, time.UtcNowForDatabase()));
        await work.CommitAsync();
        return null;
    }
}
