using KnowledgeHub.Data;

namespace KnowledgeHub.Notifications.Features.Delivery;

/// <summary>
/// Who may read what a notice is about: anyone, or only the active members of a closed community.
/// A community this service has not heard of yet counts as closed, so nothing leaks while its
/// events are on their way.
/// </summary>
internal sealed record Audience(Guid? MembersOf)
{
    public static readonly Audience Everyone = new((Guid?)null);

    /// <param name="visibility">The visibility the event carried, if it carried one; it wins over what this service last heard.</param>
    public static async Task<Audience> OfCommunityAsync(DbSession session, Guid communityId, string? visibility = null)
    {
        visibility ??= await session.ScalarAsync<string>("SELECT visibility FROM communities WHERE id = @Id", new { Id = communityId });
        return visibility == "open" ? Everyone : new Audience(communityId);
    }

    /// <summary>The condition on a recipient column that keeps this audience; empty for everyone. Binds <c>@MembersOf</c>.</summary>
    public string Condition(string recipientColumn) => MembersOf is null
        ? ""
        : $" AND EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = @MembersOf AND m.person_id = {recipientColumn} AND m.status = 'active')";
}
