using System.Globalization;
using System.Security.Claims;
using System.Text;
using Dapper;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Posts;

internal static class ListPosts
{
    private static readonly string[] Sorts = ["new", "top", "unanswered"];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communities/{id:guid}/posts", HandleAsync)
            .WithName(nameof(ListPosts))
            .WithSummary("A community's posts: newest first, most helpful first (top), or unanswered questions.");

    private static async Task<Results<Ok<Page<PostResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        string? type,
        string? tag,
        string? sort,
        int? limit,
        string? cursor,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation().OptionalText(tag, "tag", TagList.MaxLength);
        if (type is not null)
        {
            validation.RequireOneOf(type, "type", PostRules.Types);
        }

        sort ??= "new";
        validation.RequireOneOf(sort, "sort", Sorts);
        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        if (await CommunityAccess.ReadAsync(session, id, user.PersonId()) is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        var sql = new StringBuilder("WHERE p.community_id = @CommunityId");
        var parameters = new DynamicParameters(new { CommunityId = id });
        if (type is not null)
        {
            sql.Append(" AND p.type = @Type");
            parameters.Add("Type", type);
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = p.id AND t.tag = @Tag)");
            parameters.Add("Tag", tag.Trim().ToLowerInvariant());
        }

        if (sort == "unanswered")
        {
            sql.Append(" AND p.type = 'question' AND p.answer_count = 0");
        }

        if (!AppendKeyset(sort, page.After, sql, parameters))
        {
            return new Validation().Add("cursor", "'cursor' belongs to another sort order.").ToProblem();
        }

        sql.Append(sort == "top"
            ? " ORDER BY p.reaction_count DESC, p.created_at DESC, p.id DESC"
            : " ORDER BY p.created_at DESC, p.id DESC");
        sql.Append(" LIMIT @Take");
        parameters.Add("Take", page.Limit + 1);

        var posts = await PostReader.ReadAsync(session, sql.ToString(), parameters);
        return TypedResults.Ok(page.ToPage(posts.Select(PostResponse.Excerpt).ToList(), post => KeyOf(sort, post)));
    }

    public static string[] KeyOf(string sort, PostResponse post)
    {
        var createdAt = post.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        return sort == "top"
            ? [post.Reactions.ToString(CultureInfo.InvariantCulture), createdAt, post.Id.ToString()]
            : [createdAt, post.Id.ToString()];
    }

    /// <summary>Continues after the cursor's post; false when the cursor does not fit this sort.</summary>
    public static bool AppendKeyset(string sort, IReadOnlyList<string>? after, StringBuilder sql, DynamicParameters parameters)
    {
        if (after is null)
        {
            return true;
        }

        // Row values, so that the index seeks to the cursor. Written as "a < x OR (a = x AND b < y)", the same
        // condition made PostgreSQL read the index from the newest post and filter its way down: a page
        // half-way down a million posts took 325 ms instead of 1 (docs/benchmarks.md, "Cost as work grows").
        switch (sort, after)
        {
            case ("top", [var reactions, var at, var postId])
                when int.TryParse(reactions, CultureInfo.InvariantCulture, out var count)
                     && TryParseKey(at, postId, parameters):
                sql.Append(" AND (p.reaction_count, p.created_at, p.id) < (@AfterReactions, @AfterAt, @AfterId)");
                parameters.Add("AfterReactions", count);
                return true;
            case (not "top", [var at, var postId]) when TryParseKey(at, postId, parameters):
                sql.Append(" AND (p.created_at, p.id) < (@AfterAt, @AfterId)");
                return true;
            default:
                return false;
        }
    }

    private static bool TryParseKey(string at, string postId, DynamicParameters parameters)
    {
        if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            || !Guid.TryParse(postId, out var id))
        {
            return false;
        }

        parameters.Add("AfterAt", instant);
        parameters.Add("AfterId", id);
        return true;
    }
}
