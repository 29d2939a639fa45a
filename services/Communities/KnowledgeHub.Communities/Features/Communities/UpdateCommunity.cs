using System.Data.Common;
using System.Security.Claims;
using KnowledgeHub.Communities.Features.Posts;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Communities;

internal static class UpdateCommunity
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/communities/{id:guid}", HandleAsync)
            .WithName(nameof(UpdateCommunity))
            .WithSummary("A lead edits the community's name, description, tags and visibility; its slug stays. Send If-Match with the ETag you read.");

    private static async Task<Results<Ok<CommunityResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        CommunityRules.Content request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        AuditTrail<CommunitiesDatabase> audit,
        TimeProvider time,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var validation = CommunityRules.Validate(request, out var tags).IfMatch(httpRequest, out var expectedVersion);

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        var name = request.Name!.Trim();
        await using var work = await database.BeginAsync(cancellationToken);
        var access = await CommunityAccess.LockAsync(work, id, me);
        if (access is not { CanSeeContent: true })
        {
            return Problems.NotFound("The community");
        }

        if (!access.IsLead)
        {
            return Problems.Forbidden("Only a lead of the community can edit it.");
        }

        try
        {
            if (await CommunityRules.NameTakenAsync(work, name, id))
            {
                return CommunityRules.NameConflict(name);
            }

            var updated = await work.ExecuteAsync(
                """
                UPDATE communities
                SET name = @Name, name_key = @NameKey, description = @Description, visibility = @Visibility,
                    version = version + 1, updated_at = @Now
                WHERE id = @Id AND (@ExpectedVersion IS NULL OR version = @ExpectedVersion)
                """,
                new
                {
                    Id = id,
                    Name = name,
                    NameKey = name.ToLowerInvariant(),
                    Description = request.Description?.Trim() ?? "",
                    request.Visibility,
                    Now = time.UtcNowForDatabase(),
                    ExpectedVersion = expectedVersion,
                });
            if (updated == 0)
            {
                return Problems.PreconditionFailed();
            }

            await TagTable.Communities.ReplaceAsync(work, id, tags);
            if (request.Visibility != access.Visibility)
            {
                await RepublishPostsAsync(work, outbox, id, request.Visibility!);
            }

            var community = (await CommunityReader.ReadOneAsync(work, id, me))!;
            await outbox.EnqueueAsync(work, CommunityEvents.Changed(community));
            await audit.RecordAsync(work, user, "community.updated", $"community:{id}", ("name", name), ("visibility", request.Visibility), ("version", community.Version));
            await work.CommitAsync();
            ETags.Set(response, community.Version);
            return TypedResults.Ok(community);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            return CommunityRules.NameConflict(name);
        }
    }

    /// <summary>
    /// Search restricts a closed community's posts to its members, so every post is republished with
    /// the new visibility, in this transaction. Each gets a new version: Search keeps an indexed post
    /// unless an event carries a newer version than the one it has.
    /// </summary>
    private static async Task RepublishPostsAsync(
        UnitOfWork work, Outbox<CommunitiesDatabase> outbox, Guid id, string visibility)
    {
        await work.ExecuteAsync(
            "UPDATE posts SET version = version + 1 WHERE community_id = @Id", new { Id = id });
        await PostEvents.EnqueueAllUpdatedAsync(work, outbox, id, visibility, replayOf: null);
    }
}
