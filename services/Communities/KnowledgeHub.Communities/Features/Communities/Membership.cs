using System.Data.Common;
using Dapper;

namespace KnowledgeHub.Communities.Features.Communities;

/// <summary>A person's standing in one community.</summary>
internal sealed class Membership
{
    public const string Lead = "lead";
    public const string Member = "member";
    public const string Active = "active";
    public const string Pending = "pending";

    public required string Role { get; init; }

    public required string Status { get; init; }

    public long Version { get; init; }

    public bool IsActive => Status == Active;

    public bool IsActiveLead => IsActive && Role == Lead;

    public static Task<Membership?> FindAsync(
        DbConnection connection, Guid communityId, Guid personId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<Membership>(new CommandDefinition(
            """
            SELECT role AS Role, status AS Status, version AS Version
            FROM memberships WHERE community_id = @CommunityId AND person_id = @PersonId
            """,
            new { CommunityId = communityId, PersonId = personId },
            transaction,
            cancellationToken: cancellationToken));
}
