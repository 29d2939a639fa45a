using System.Globalization;
using System.Security.Claims;
using Dapper;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Members;

internal static class ListMembers
{
    internal sealed record MemberResponse(Guid PersonId, string DisplayName, string? Department, string Role, string Status, DateTimeOffset JoinedAt);

    /// <summary>Continue with WHERE over <c>memberships m</c>.</summary>
    public const string SelectMembers = """
        SELECT m.person_id AS PersonId, COALESCE(p.display_name, '') AS DisplayName, p.department AS Department,
               m.role AS Role, m.status AS Status, m.joined_at AS JoinedAt,
               CASE WHEN m.status = 'pending' THEN 0 WHEN m.role = 'lead' THEN 1 ELSE 2 END AS Rank,
               lower(COALESCE(p.display_name, '')) AS NameKey
        FROM memberships m LEFT JOIN people p ON p.id = m.person_id
        """;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communities/{id:guid}/members", HandleAsync)
            .WithName(nameof(ListMembers))
            .WithSummary("A community's active members, leads first, by name. Leads also see pending requests to join, listed before everyone else, "
                + "and may ask for one status: ?status=active|pending|rejected|removed|left.");

    /// <summary>One membership as the list shows it, or null when the person never had one.</summary>
    public static Task<MemberRow?> FindAsync(DbSession session, Guid communityId, Guid personId) =>
        session.QueryOneAsync<MemberRow>(
            $"{SelectMembers} WHERE m.community_id = @CommunityId AND m.person_id = @PersonId",
            new { CommunityId = communityId, PersonId = personId });

    private static async Task<Results<Ok<Page<MemberResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        string? status,
        int? limit,
        string? cursor,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (status is not null)
        {
            validation.RequireOneOf(status, "status", Membership.Statuses);
        }

        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var keyset = "";
        var parameters = new DynamicParameters(new { CommunityId = id, Take = page.Limit + 1 });
        if (page.After is not null)
        {
            if (page.After is not [var rank, var name, var personId]
                || !int.TryParse(rank, CultureInfo.InvariantCulture, out var afterRank)
                || !Guid.TryParse(personId, out var afterPerson))
            {
                return validation.Add("cursor", "'cursor' is not a cursor this list handed out.").ToProblem();
            }

            keyset = "AND (x.Rank > @AfterRank OR (x.Rank = @AfterRank AND (x.NameKey > @AfterName OR (x.NameKey = @AfterName AND x.PersonId > @AfterPerson))))";
            parameters.AddDynamicParams(new { AfterRank = afterRank, AfterName = name, AfterPerson = afterPerson });
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var access = await CommunityAccess.ReadAsync(session, id, user.PersonId());
        if (access is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        // Only leads see who asked to join, was declined, removed or left.
        if (status is not null and not Membership.Active && !access.IsLead)
        {
            return Problems.Forbidden("Only a lead of the community sees members other than the active ones.");
        }

        var statuses = status is not null ? $"('{status}')" : access.IsLead ? "('active', 'pending')" : "('active')";
        var rows = (await session.QueryAsync<MemberRow>(
            $"""
            SELECT * FROM (
                {SelectMembers}
                WHERE m.community_id = @CommunityId AND m.status IN {statuses}
            ) x
            WHERE 1 = 1 {keyset}
            ORDER BY x.Rank, x.NameKey, x.PersonId
            LIMIT @Take
            """,
            parameters)).ToList();

        var paged = page.ToPage(rows, row => [row.Rank.ToString(CultureInfo.InvariantCulture), row.NameKey, row.PersonId.ToString()]);
        return TypedResults.Ok(new Page<MemberResponse>(paged.Items.Select(row => row.ToResponse()).ToList(), paged.NextCursor));
    }

    internal sealed class MemberRow
    {
        public Guid PersonId { get; init; }

        public required string DisplayName { get; init; }

        public string? Department { get; init; }

        public required string Role { get; init; }

        public required string Status { get; init; }

        public DateTimeOffset JoinedAt { get; init; }

        public int Rank { get; init; }

        public required string NameKey { get; init; }

        public MemberResponse ToResponse() =>
            new(PersonId, DisplayName, string.IsNullOrEmpty(Department) ? null : Department, Role, Status, JoinedAt);
    }
}
