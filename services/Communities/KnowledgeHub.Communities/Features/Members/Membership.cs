using KnowledgeHub.Data;

namespace KnowledgeHub.Communities.Features.Members;

/// <summary>
/// A person's standing in one community. A member who leaves keeps a row with status <c>left</c>,
/// so the membership's version keeps growing across leaving and rejoining.
/// </summary>
internal sealed class Membership
{
    public const string Lead = "lead";
    public const string Member = "member";
    public const string Active = "active";
    public const string Pending = "pending";
    public const string Left = "left";

    /// <summary>A request to join that a lead declined.</summary>
    public const string Rejected = "rejected";

    /// <summary>A member a lead removed; their posts stay.</summary>
    public const string Removed = "removed";

    public static readonly string[] Roles = [Lead, Member];

    public static readonly string[] Statuses = [Active, Pending, Left, Rejected, Removed];

    /// <summary>Whether a person with this status is outside the community (never joined, left, declined or removed).</summary>
    public static bool IsOutside(string? status) => status is null or Left or Rejected or Removed;

    /// <summary>
    /// The status other services hear for <paramref name="status"/>: to them a declined or removed
    /// person is simply no longer a member, so the event keeps its three known statuses.
    /// </summary>
    public static string Announced(string status) => status is Rejected or Removed ? Left : status;

    public required string Role { get; init; }

    public required string Status { get; init; }

    public long Version { get; init; }

    public bool IsActive => Status == Active;

    public bool IsActiveLead => IsActive && Role == Lead;

    public static Task<Membership?> FindAsync(UnitOfWork work, Guid communityId, Guid personId) =>
        work.QueryOneAsync<Membership>(
            """
            SELECT role AS Role, status AS Status, version AS Version
            FROM memberships WHERE community_id = @CommunityId AND person_id = @PersonId
            """,
            new { CommunityId = communityId, PersonId = personId });

    /// <summary>Sets a membership's role and status; returns its new version, null when it has no row.</summary>
    public static Task<long?> ChangeAsync(
        UnitOfWork work, Guid communityId, Guid personId, string role, string status, DateTimeOffset? joinedAt) =>
        work.ScalarAsync<long?>(
            """
            UPDATE memberships
            SET role = @Role, status = @Status, version = version + 1, joined_at = COALESCE(@JoinedAt, joined_at)
            WHERE community_id = @CommunityId AND person_id = @PersonId
            RETURNING version
            """,
            new { CommunityId = communityId, PersonId = personId, Role = role, Status = status, JoinedAt = joinedAt });

    /// <summary>Active leads of the community other than <paramref name="personId"/>.</summary>
    public static Task<long> OtherActiveLeadsAsync(UnitOfWork work, Guid communityId, Guid personId) =>
        work.ScalarAsync<long>(
            """
            SELECT count(*) FROM memberships
            WHERE community_id = @CommunityId AND person_id <> @PersonId AND role = 'lead' AND status = 'active'
            """,
            new { CommunityId = communityId, PersonId = personId });
}
