using System.Security.Claims;
using Dapper;
using KnowledgeHub.Communities.Features.Communities;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Posts;

internal static class PublishPost
{
    public static readonly string[] Types = ["article", "question", "event", "resource"];
    public const int MaxBodyLength = 50_000;

    internal sealed record Request(
        string? Type,
        string? Title,
        string? Body,
        IReadOnlyList<string?>? Tags,
        DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt,
        string? Location,
        string? Url);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/communities/{id:guid}/posts", HandleAsync)
            .WithName(nameof(PublishPost))
            .WithSummary("Publish an article, question, event or resource in a community you are an active member of.");

    private static async Task<Results<Created<PostResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        Request request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = Validate(request, out var tags);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var visibility = await work.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT visibility FROM communities WHERE id = @Id", new { Id = id }, work.Transaction, cancellationToken: cancellationToken));
        if (visibility is null)
        {
            return Problems.NotFound("The community");
        }

        var membership = await Membership.FindAsync(work.Connection, id, me, cancellationToken, work.Transaction);
        if (membership is not { IsActive: true })
        {
            return Problems.Forbidden("Only active members of a community can post in it. Join it first.");
        }

        await People.RememberCallerAsync(work, user, cancellationToken);
        var postId = Guid.CreateVersion7();
        var now = time.UtcNowForDatabase();
        var authorDepartment = await People.DepartmentOfAsync(work, me, cancellationToken);
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO posts (id, community_id, type, title, body, author_id, author_department,
                               starts_at, ends_at, location, url, version, created_at, updated_at)
            VALUES (@PostId, @CommunityId, @Type, @Title, @Body, @AuthorId, @AuthorDepartment,
                    @StartsAt, @EndsAt, @Location, @Url, 1, @Now, @Now)
            """,
            new
            {
                PostId = postId,
                CommunityId = id,
                request.Type,
                Title = request.Title!.Trim(),
                request.Body,
                AuthorId = me,
                AuthorDepartment = authorDepartment,
                StartsAt = request.StartsAt?.ToUniversalTime(),
                EndsAt = request.EndsAt?.ToUniversalTime(),
                Location = request.Location?.Trim(),
                Url = request.Url?.Trim(),
                Now = now,
            },
            work.Transaction,
            cancellationToken: cancellationToken));
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO post_tags (post_id, tag) VALUES (@PostId, @Tag)",
            tags.Select(tag => new { PostId = postId, Tag = tag }),
            work.Transaction,
            cancellationToken: cancellationToken));

        var post = (await PostReader.ReadAsync(
            work.Connection, database.Dialect, "WHERE p.id = @PostId", new { PostId = postId }, cancellationToken, work.Transaction))[0];
        await outbox.EnqueueAsync(
            work,
            new PostPublished(post.Id, id, visibility, post.Type, post.Title, post.Body, post.Tags, me, authorDepartment, post.Version, post.CreatedAt, post.UpdatedAt),
            cancellationToken);
        await work.CommitAsync(cancellationToken);

        ETags.Set(response, post.Version);
        return TypedResults.Created($"/api/posts/{postId}", post);
    }

    private static Validation Validate(Request request, out IReadOnlyList<string> tags)
    {
        var validation = new Validation()
            .RequireOneOf(request.Type, "type", Types)
            .RequireText(request.Title, "title", 200)
            .RequireText(request.Body, "body", MaxBodyLength)
            .OptionalText(request.Location, "location", 200);
        tags = TagList.Normalize(request.Tags, validation);

        if (request.Type == "event")
        {
            validation.Require(request.StartsAt is not null, "startsAt", "An event needs 'startsAt'.");
        }

        validation.Require(
            request.EndsAt is null || request.StartsAt is null || request.EndsAt >= request.StartsAt,
            "endsAt",
            "'endsAt' must not be before 'startsAt'.");

        if (request.Type == "resource")
        {
            validation.Require(!string.IsNullOrWhiteSpace(request.Url), "url", "A resource needs a 'url'.");
        }

        if (!string.IsNullOrWhiteSpace(request.Url))
        {
            validation.Require(IsWebAddress(request.Url.Trim()), "url", "'url' must be an absolute http or https address of at most 2000 characters.");
        }

        return validation;
    }

    private static bool IsWebAddress(string url) =>
        url.Length <= 2000
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
