using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Imports;

internal static class StartStackExchangeImport
{
    public const string Path = "/communities/{id:guid}/imports/stackexchange";

    internal sealed record Response(Guid Id, string Status);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost(Path, HandleAsync)
            .WithName(nameof(StartStackExchangeImport))
            .WithSummary("Import a Stack Exchange or Stack Overflow for Teams history (Posts.xml, optionally Users.xml) into a community you lead; "
                + "watch it at /api/imports/{id}.")
            .WithRequestSizeLimit(CommunitiesModule.MaxUploadBytes)
            .WithFormOptions(multipartBodyLengthLimit: CommunitiesModule.MaxUploadBytes)
            .DisableAntiforgery();

    private static async Task<Results<Accepted<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        HttpRequest request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        ImportQueue queue,
        AuditTrail<CommunitiesDatabase> audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the files as multipart/form-data.");
        }

        var me = user.PersonId();
        await using (var session = await database.OpenSessionAsync(cancellationToken))
        {
            var community = await session.QueryOneAsync<CommunityStanding>(
                """
                SELECT c.id AS Id,
                       (SELECT count(*) FROM memberships m WHERE m.community_id = c.id AND m.person_id = @Me AND m.role = 'lead' AND m.status = 'active') AS Leads
                FROM communities c WHERE c.id = @Id
                """,
                new { Id = id, Me = me });
            if (community is null)
            {
                return Problems.NotFound("The community");
            }

            if (community.Leads == 0 && !user.IsAdmin())
            {
                return Problems.Forbidden("Only a lead of the community or an admin can import a history into it.");
            }
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var template = form["emailTemplate"].FirstOrDefault() is { Length: > 0 } given ? given.Trim() : ImportEmails.DefaultTemplate;
        var validation = new Validation()
            .Require(form.Files.GetFile("posts") is { Length: > 0 }, "posts", "'posts' is required: the site's Posts.xml.");
        if (ImportEmails.Problem(template) is { } templateProblem)
        {
            validation.Add("emailTemplate", templateProblem);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var importId = Guid.CreateVersion7();
        var postsPath = await SpoolAsync(form.Files.GetFile("posts")!, importId, "posts", cancellationToken);
        var usersPath = form.Files.GetFile("users") is { Length: > 0 } users ? await SpoolAsync(users, importId, "users", cancellationToken) : null;

        // Read once before accepting: a file that is not a dump, is cut short or declares a DTD is refused whole.
        CheckDump(validation, "posts", postsPath, StackExchangeDump.Posts);
        if (usersPath is not null)
        {
            CheckDump(validation, "users", usersPath, StackExchangeDump.Users);
        }

        if (!validation.IsValid)
        {
            File.Delete(postsPath);
            if (usersPath is not null)
            {
                File.Delete(usersPath);
            }

            return validation.ToProblem("The files are not a Stack Exchange dump that can be imported.");
        }

        await using (var work = await database.BeginAsync(cancellationToken))
        {
            await work.ExecuteAsync(
                "INSERT INTO imports (id, community_id, started_by, status, started_at) VALUES (@Id, @CommunityId, @Me, 'running', @Now)",
                new { Id = importId, CommunityId = id, Me = me, Now = time.UtcNowForDatabase() });
                await audit.RecordAsync(work, user, "community.import.started", $"community:{id}", ("import", importId), ("withUsers", usersPath is not null));
        await work.CommitAsync();
        }

        queue.Enqueue(new ImportJob(importId, id, me, postsPath, usersPath, template));
        return TypedResults.Accepted($"/api/imports/{importId}", new Response(importId, "running"));
    }

    private static void CheckDump(Validation validation, string field, string path, string root)
    {
        if (StackExchangeDump.Problem(path, root) is { } problem)
        {
            validation.Add(field, problem);
        }
    }

    private static async Task<string> SpoolAsync(IFormFile file, Guid importId, string name, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "knowledgehub-imports");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"{importId}-{name}.xml");
        await using var target = File.Create(path);
        await file.CopyToAsync(target, cancellationToken);
        return path;
    }

    private sealed class CommunityStanding
    {
        public Guid Id { get; init; }

        public long Leads { get; init; }
    }
}
