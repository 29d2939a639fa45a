using System.Security.Claims;
using Dapper;
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
        var canonical = await SkillTaxonomy.FindAsync(work.Connection, name, cancellationToken, work.Transaction);
        var declared = canonical is not null && await work.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT count(*) > 0 FROM person_skills WHERE person_id = @PersonId AND skill_id = @SkillId",
            new { PersonId = me, SkillId = canonical.Id },
            work.Transaction,
            cancellationToken: cancellationToken));
        if (!declared)
        {
            return TypedResults.NoContent();
        }

        if (!await changes.TouchAsync(work, me, expectedVersion, cancellationToken))
        {
            return Problems.PreconditionFailed();
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM person_skills WHERE person_id = @PersonId AND skill_id = @SkillId",
            new { PersonId = me, SkillId = canonical!.Id },
            work.Transaction,
            cancellationToken: cancellationToken));
        await DeclaredEvidence.SyncAsync(work, database.Dialect, me, cancellationToken);
        var person = await changes.PublishAsync(work, me, cancellationToken);
        await work.CommitAsync(cancellationToken);

        ETags.Set(response, person.Version);
        return TypedResults.NoContent();
    }
}
