using System.Security.Claims;
using System.Text;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Communities;

internal static class ListCommunities
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communities", HandleAsync)
            .WithName(nameof(ListCommunities))
            .WithSummary("The community directory, by name; q searches names and descriptions, tag filters exactly.");

    private static async Task<Results<Ok<Page<CommunityResponse>>, ValidationProblem>> HandleAsync(
        string? q,
        string? tag,
        int? limit,
        string? cursor,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .OptionalText(q, "q", 200)
            .OptionalText(tag, "tag", TagList.MaxLength);
        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var sql = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(q))
        {
            sql.Append(" AND (c.name_key LIKE @Pattern ESCAPE '\\' OR lower(c.description) LIKE @Pattern ESCAPE '\\')");
            parameters.Add("Pattern", SqlText.ContainsPattern(q));
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM community_tags t WHERE t.community_id = c.id AND t.tag = @Tag)");
            parameters.Add("Tag", tag.Trim().ToLowerInvariant());
        }

        if (page.After is [var afterName, var afterId] && Guid.TryParse(afterId, out var afterGuid))
        {
            sql.Append(" AND (c.name_key > @AfterName OR (c.name_key = @AfterName AND c.id > @AfterId))");
            parameters.Add("AfterName", afterName);
            parameters.Add("AfterId", afterGuid);
        }

        sql.Append(" ORDER BY c.name_key, c.id LIMIT @Take");
        parameters.Add("Take", page.Limit + 1);

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var rows = await CommunityReader.ReadAsync(session, sql.ToString(), parameters, user.PersonId());
        return TypedResults.Ok(page.ToPage(rows, community => [community.Name.ToLowerInvariant(), community.Id.ToString()]));
    }
}
