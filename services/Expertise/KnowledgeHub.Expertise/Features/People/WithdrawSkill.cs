using System.Security.Claims;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

internal static class WithdrawSkill
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/people/me/skills/{**skill}", HandleAsync)
            .WithName(nameof(WithdrawSkill))
            .WithSummary("Remove a declared skill from your profile (by any of its names). Removing one you never declared changes nothing.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string skill,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        PersonChanges changes,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var name = SkillTaxonomy.FromRoute(skill);
        var validation = SkillTaxonomy.ValidateName(name, new Validation(), "skill").IfMatch(httpRequest, out var expectedVersion);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        var canonical = await SkillTaxonomy.FindAsync(work, name);
        var declared = canonical is not null && await work.ScalarAsync<bool>(
            "SELECT count(*) > 0 FROM person_skills WHERE person_id = @PersonId AND skill_id = @SkillId",
            new { PersonId = me, SkillId = canonical.Id });
        if (!declared)
        {
            return TypedResults.NoContent();
        }

        if (!await changes.TouchAsync(work, me, expectedVersion))
        {
            return Problems.PreconditionFailed();
        }

        await work.ExecuteAsync(
            "DELETE FROM person_skills WHERE person_id = @PersonId AND skill_id = @SkillId",
            new { PersonId = me, SkillId = canonical!.Id });
        await DeclaredEvidence.SyncAsync(work, me);
        var person = await changes.PublishAsync(work, me);
        await work.CommitAsync();

        ETags.Set(response, person.Version);
        return TypedResults.NoContent();
    }
}
