using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

internal static class DeclareSkill
{
    internal sealed record Request(int? Level);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/people/me/skills/{**skill}", HandleAsync)
            .WithName(nameof(DeclareSkill))
            .WithSummary("Declare one of your skills at a level from 1 (learning) to 5 (authority). Aliases and case map to one canonical skill; If-Match applies to your profile's ETag.");

    private static async Task<Results<Ok<PersonSkill>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string skill,
        Request request,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        Provisioning provisioning,
        SkillTaxonomy taxonomy,
        PersonChanges changes,
        TimeProvider time,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var name = SkillTaxonomy.FromRoute(skill);
        var validation = SkillTaxonomy.ValidateName(name, new Validation(), "skill")
            .Require(request.Level is >= 1 and <= 5, "level", "'level' is required: 1 (learning) to 5 (authority).")
            .IfMatch(httpRequest, out var expectedVersion);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        await provisioning.EnsureAsync(work, user);
        if (!await changes.TouchAsync(work, me, expectedVersion))
        {
            return Problems.PreconditionFailed();
        }

        var canonical = await taxonomy.ResolveOrCreateAsync(work, name);
        await work.ExecuteAsync(
            """
            INSERT INTO person_skills (person_id, skill_id, level, updated_at) VALUES (@PersonId, @SkillId, @Level, @Now)
            ON CONFLICT (person_id, skill_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at
            """,
            new { PersonId = me, SkillId = canonical.Id, request.Level, Now = time.UtcNowForDatabase() });
        await DeclaredEvidence.SyncAsync(work, me);
        var person = await changes.PublishAsync(work, me);
        await work.CommitAsync();

        ETags.Set(response, person.Version);
        return TypedResults.Ok(person.Skills.Single(declared => declared.Name == canonical.Name));
    }
}
