using System.Data.Common;
using System.Security.Claims;
using KnowledgeHub.Communities.Features.Members;
using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Outbox;
using KnowledgeHub.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Communities.Features.Communities;

internal static class CreateCommunity
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/communities", HandleAsync)
            .WithName(nameof(CreateCommunity))
            .WithSummary("Create a community of practice; the creator becomes its first lead.");

    private static async Task<Results<Created<CommunityResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CommunityRules.Content request,
        ClaimsPrincipal user,
        CommunitiesDatabase database,
        Outbox<CommunitiesDatabase> outbox,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = CommunityRules.Validate(request, out var tags);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var name = request.Name!.Trim();
        var me = user.PersonId();
        var now = time.UtcNowForDatabase();
        var id = Guid.CreateVersion7();

        await using var work = await database.BeginAsync(cancellationToken);
        try
        {
            if (await CommunityRules.NameTakenAsync(work, name, exceptId: null))
            {
                return CommunityRules.NameConflict(name);
            }

            await work.ExecuteAsync(
                """
                INSERT INTO communities (id, slug, name, name_key, description, visibility, created_by, version, created_at, updated_at)
                VALUES (@Id, @Slug, @Name, @NameKey, @Description, @Visibility, @Me, 1, @Now, @Now);
                INSERT INTO memberships (community_id, person_id, role, status, version, joined_at)
                VALUES (@Id, @Me, 'lead', 'active', 1, @Now);
                """,
                new
                {
                    Id = id,
                    Slug = await Slugs.UniqueAsync(work, name),
                    Name = name,
                    NameKey = name.ToLowerInvariant(),
                    Description = request.Description?.Trim() ?? "",
                    request.Visibility,
                    Me = me,
                    Now = now,
                });
            await TagTable.Communities.ReplaceAsync(work, id, tags);
            await People.RememberCallerAsync(work, user);

            var community = (await CommunityReader.ReadOneAsync(work, id, me))!;
            await outbox.EnqueueAsync(work, CommunityEvents.Changed(community));
            await outbox.EnqueueAsync(work, new CommunityMembershipChanged(id, me, Membership.Lead, Membership.Active, 1, now));
            await work.CommitAsync();
            return TypedResults.Created($"/api/communities/{id}", community);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            return CommunityRules.NameConflict(name);
        }
    }
}
