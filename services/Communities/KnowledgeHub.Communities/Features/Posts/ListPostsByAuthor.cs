using System.Security.Claims;
using System.Text;
using Dapper;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Posts;

/// <summary>
/// One person's posts across every community the caller can read (open ones, and closed ones the
/// caller is an active member of), newest first; <c>unanswered=true</c> keeps their questions nobody
/// has answered yet: with <c>author=me</c>, "my questions still waiting".
/// </summary>
internal static class ListPostsByAuthor
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/posts", HandleAsync)
            .WithName(nameof(ListPostsByAuthor))
            .WithSummary("A person's posts (author=me or a person id) across the communities you can read, newest first; unanswered=true keeps their unanswered questions.");

    private static async Task<Results<Ok<Page<PostResponse>>, ValidationProblem>> HandleAsync(
        string? author,
        bool? unanswered,
        int? limit,
        string? cursor,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        CancellationToken cancellationToken)
    {
        var me = user.PersonId();
        var validation = new Validation();
        Guid authorId = default;
        validation.Require(author == "me" || Guid.TryParse(author, out authorId), "author", "'author' is 'me' or a person id.");
        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var sql = new StringBuilder(
            """
            WHERE p.author_id = @Author
              AND EXISTS (SELECT 1 FROM communities c WHERE c.id = p.community_id
                          AND (c.visibility = 'open'
                               OR EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = c.id AND m.person_id = @Me AND m.status = 'active')))
            """);
        var parameters = new DynamicParameters(new { Author = author == "me" ? me : authorId, Me = me });
        if (unanswered == true)
        {
            sql.Append(" AND p.type = 'question' AND p.answer_count = 0");
        }

        if (!ListPosts.AppendKeyset("new", page.After, sql, parameters))
        {
            return new Validation().Add("cursor", "'cursor' is not a cursor this list handed out.").ToProblem();
        }

        sql.Append(" ORDER BY p.created_at DESC, p.id DESC LIMIT @Take");
        parameters.Add("Take", page.Limit + 1);
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var posts = await PostReader.ReadAsync(session, sql.ToString(), parameters);
        return TypedResults.Ok(page.ToPage(posts, post => ListPosts.KeyOf("new", post)));
    }
}
