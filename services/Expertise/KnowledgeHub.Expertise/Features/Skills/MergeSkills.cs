using System.Security.Claims;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>
/// Admins fold a duplicate skill into another: its names become aliases of the other, and every
/// declaration, endorsement and piece of evidence moves over (a person who declared both keeps the
/// higher level; an endorser who endorsed both keeps one endorsement). Nothing is lost.
/// </summary>
internal static class MergeSkills
{
    internal sealed record Request(string? From, string? Into);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/skills/merge", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(MergeSkills))
            .WithSummary("Merge the skill 'from' into the skill 'into' (admins), keeping all evidence. Answers the merged skill.");

    private static async Task<Results<Ok<SkillResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request,
        ExpertiseDatabase database,
        PersonChanges changes,
        ClaimsPrincipal user,
        AuditTrail<ExpertiseDatabase> audit,
        CancellationToken cancellationToken)
    {
        var validation = SkillTaxonomy.ValidateName(request.From, new Validation(), "from");
        SkillTaxonomy.ValidateName(request.Into, validation, "into");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var from = await SkillTaxonomy.FindAsync(work, request.From!);
        var into = await SkillTaxonomy.FindAsync(work, request.Into!);
        if (from is null || into is null)
        {
            return Problems.NotFound($"The skill '{(from is null ? request.From : request.Into)}'");
        }

        if (from.Id == into.Id)
        {
            return new Validation().Add("into", $"'{request.From}' and '{request.Into}' are already the same skill ({into.Name}).").ToProblem();
        }

        var declarers = await PutSkill.DeclarersAsync(work, from.Id);
        var holders = (await work.QueryAsync<Guid>(
            "SELECT DISTINCT person_id FROM evidence WHERE skill_id = @From",
            new { From = from.Id })).ToList();
        // An endorser who endorsed the person for both skills keeps the endorsement of the skill that stays.
        var duplicateEndorsements = (await work.QueryAsync<Guid>(
            """
            SELECT f.id FROM endorsements f
            JOIN endorsements i ON i.person_id = f.person_id AND i.endorser_id = f.endorser_id AND i.skill_id = @Into
            WHERE f.skill_id = @From
            """,
            new { From = from.Id, Into = into.Id })).ToArray();
        await work.ExecuteAsync(
            $"""
            INSERT INTO skill_aliases (alias_key, skill_id) VALUES (@FromKey, @Into);
            UPDATE skill_aliases SET skill_id = @Into WHERE skill_id = @From;

            UPDATE person_skills SET
                level = (SELECT max(f.level) FROM person_skills f WHERE f.person_id = person_skills.person_id AND f.skill_id IN (@From, @Into)),
                updated_at = (SELECT max(f.updated_at) FROM person_skills f WHERE f.person_id = person_skills.person_id AND f.skill_id IN (@From, @Into))
            WHERE skill_id = @Into AND person_id IN (SELECT person_id FROM person_skills WHERE skill_id = @From);
            DELETE FROM person_skills WHERE skill_id = @From AND person_id IN (SELECT person_id FROM person_skills WHERE skill_id = @Into);
            UPDATE person_skills SET skill_id = @Into WHERE skill_id = @From;

            DELETE FROM evidence WHERE {database.Dialect.InList("source", "@DuplicateSources")};
            DELETE FROM endorsements WHERE {database.Dialect.InList("id", "@DuplicateEndorsements")};
            UPDATE endorsements SET skill_id = @Into WHERE skill_id = @From;

            UPDATE evidence SET skill_id = @Into
            WHERE skill_id = @From AND NOT EXISTS (SELECT 1 FROM evidence i WHERE i.source = evidence.source AND i.skill_id = @Into);
            DELETE FROM evidence WHERE skill_id = @From;
            DELETE FROM expertise WHERE skill_id = @From;
            DELETE FROM skills WHERE id = @From;
            """,
            new
            {
                From = from.Id,
                Into = into.Id,
                FromKey = SkillTaxonomy.KeyOf(from.Name),
                DuplicateEndorsements = duplicateEndorsements,
                DuplicateSources = duplicateEndorsements.Select(EvidenceStore.EndorsementSource).ToArray(),
            });

        foreach (var person in declarers)
        {
            await DeclaredEvidence.SyncAsync(work, person);
        }

        await EvidenceStore.RecomputeAsync(work, [.. holders]);

        await changes.TouchAndPublishAllAsync(work, declarers);
        var merged = await SkillReader.ReadOneAsync(work, into.Id);
        await audit.RecordAsync(work, user, "skill.merged", $"skill:{into.Id}", ("from", from.Id), ("fromName", from.Name), ("intoName", into.Name));
        await work.CommitAsync();
        return TypedResults.Ok(merged);
    }
}
