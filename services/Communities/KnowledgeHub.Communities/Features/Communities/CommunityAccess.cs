using KnowledgeHub.Communities.Features.Members;
using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Communities;

/// <summary>
/// One caller's standing in one community, and what follows from it. A closed community is listed
/// to everyone, but its posts, answers and members are for its active members only.
/// </summary>
internal sealed class CommunityAccess
{
    /// <summary>
    /// The key space of the communities' turns (<see cref="UnitOfWork.TakeTurnAsync"/>): an advisory lock,
    /// not a lock of the row, whose <c>FOR SHARE</c> is granted at once beside other sharers, so a steady
    /// stream of posts kept a visibility change waiting past the request timeout (ADR 0087).
    /// </summary>
    private const int CommunityTurns = 0x434F_4D4D; // "COMM"

    public Guid CommunityId { get; init; }

    public required string Visibility { get; init; }

    public string? Role { get; init; }

    public string? Status { get; init; }

    public bool IsMember => Status == Membership.Active;

    public bool IsLead => IsMember && Role == Membership.Lead;

    public bool CanSeeContent => Visibility == CommunityVisibility.Open || IsMember;

    /// <summary>For reads: null when the community does not exist.</summary>
    public static Task<CommunityAccess?> ReadAsync(DbSession session, Guid communityId, Guid personId) =>
        session.QueryOneAsync<CommunityAccess>(
            Sql, new { CommunityId = communityId, PersonId = personId });

    /// <summary>
    /// For writes to the community itself or its memberships: also holds the community's turn until
    /// <paramref name="work"/> ends, alone. So checks such as "the last lead" hold until commit, and a
    /// change of visibility waits for every content write in flight and holds off new ones.
    /// </summary>
    public static async Task<CommunityAccess?> LockAsync(UnitOfWork work, Guid communityId, Guid personId)
    {
        await work.TakeTurnAsync(CommunityTurns, communityId);
        return await work.QueryOneAsync<CommunityAccess>(Sql, new { CommunityId = communityId, PersonId = personId });
    }

    /// <summary>
    /// For content writes (posts, answers, reactions): holds the community's turn against change until
    /// <paramref name="work"/> ends, shared with other content writes, so events that carry the
    /// community's visibility can never race a change of it and the caller's membership holds until
    /// commit, while writes in one community no longer queue behind each other (ADR 0077). Whatever
    /// content writes must not race among themselves locks its post (<see cref="Posts.PostTarget"/>).
    /// </summary>
    public static async Task<CommunityAccess?> LockForContentAsync(UnitOfWork work, Guid communityId, Guid personId)
    {
        await work.TakeTurnAsync(CommunityTurns, communityId, shared: true);
        return await work.QueryOneAsync<CommunityAccess>(Sql, new { CommunityId = communityId, PersonId = personId });
    }

    private const string Sql =
        """
        SELECT c.id AS CommunityId, c.visibility AS Visibility,
               (SELECT m.role FROM memberships m WHERE m.community_id = c.id AND m.person_id = @PersonId) AS Role,
               (SELECT m.status FROM memberships m WHERE m.community_id = c.id AND m.person_id = @PersonId) AS Status
        FROM communities c
        WHERE c.id = @CommunityId
        """;
}
