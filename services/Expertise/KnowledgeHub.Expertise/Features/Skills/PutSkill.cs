using System.Security.Claims;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.Expertise.Features.People;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>
/// Admins curate the taxonomy: a skill's aliases (replaced as a whole), its category, and
/// optionally its canonical name (the old name stays an alias, so nothing that used it breaks).
/// Putting a candidate tag's name accepts it as a skill (ADR 0041).
/// </summary>
internal static class PutSkill
{
    public const int MaxAliases = 50;

    internal sealed record Request(IReadOnlyList<string?>? Aliases, string? Category, string? Name);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/skills/{**name}", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(PutSkill))
            .WithSummary("Create a skill or set its aliases and category (admins). The path may name the skill by any of its names; 'name' in the body renames it.");

    private static async Task<Results<Ok<SkillResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string name,
        Request request,
        ExpertiseDatabase database,
        SkillTaxonomy taxonomy,
        SkillCandidates candidates,
        PersonChanges changes,
        ClaimsPrincipal user,
        AuditTrail<ExpertiseDatabase> audit,
        CancellationToken cancellationToken)
    {
        var skillName = SkillTaxonomy.FromRoute(name);
        var aliases = request.Aliases ?? [];
        var validation = SkillTaxonomy.ValidateName(skillName, new Validation(), "name")
            .OptionalText(request.Category, "category", 50)
            .Require(aliases.Count <= MaxAliases, "aliases", $"At most {MaxAliases} aliases.");
        for (var index = 0; index < aliases.Count; index++)
        {
            SkillTaxonomy.ValidateName(aliases[index], validation, $"aliases[{index}]");
        }

        if (request.Name is not null)
        {
            SkillTaxonomy.ValidateName(request.Name, validation, "name");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var skill = await taxonomy.ResolveOrCreateAsync(work, skillName);
        var oldKey = SkillTaxonomy.KeyOf(skill.Name);
        var newName = SkillTaxonomy.Clean(request.Name ?? skill.Name);
        var newKey = SkillTaxonomy.KeyOf(newName);
        var aliasKeys = aliases.Select(alias => SkillTaxonomy.KeyOf(alias!))
            .Append(oldKey)
            .Where(key => key != newKey)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        foreach (var key in aliasKeys.Append(newKey))
        {
            var owner = await SkillTaxonomy.FindAsync(work, key);
            if (owner is not null && owner.Id != skill.Id)
            {
                return Problems.Conflict($"'{key}' already names the skill '{owner.Name}'. Merge the two skills instead.");
            }
        }

        await work.ExecuteAsync(
            """
            UPDATE skills SET name = @Name, name_key = @Key, category = @Category WHERE id = @Id;
            DELETE FROM skill_aliases WHERE skill_id = @Id;
            """,
            new { skill.Id, Name = newName, Key = newKey, Category = ProfileRules.Clean(request.Category) });
        await work.ExecuteAsync(
            "INSERT INTO skill_aliases (alias_key, skill_id) VALUES (@AliasKey, @SkillId)",
            aliasKeys.Select(key => new { AliasKey = key, SkillId = skill.Id }));
        await candidates.AcceptAsync(work, [.. aliasKeys, newKey]);

        if (newName != skill.Name)
        {
            // Profiles list skills by name: everyone who declared this one has a changed profile.
            await changes.TouchAndPublishAllAsync(work, await DeclarersAsync(work, skill.Id));
        }

        var response = await SkillReader.ReadOneAsync(work, skill.Id);
        await audit.RecordAsync(work, user, "skill.saved", $"skill:{skill.Id}", ("name", newName), ("aliases", string.Join(",", aliasKeys)), ("category", ProfileRules.Clean(request.Category)));
        await work.CommitAsync();
        return TypedResults.Ok(response);
    }

    public static async Task<IReadOnlyCollection<Guid>> DeclarersAsync(UnitOfWork work, Guid skillId) =>
        (await work.QueryAsync<Guid>(
            "SELECT person_id FROM person_skills WHERE skill_id = @SkillId",
            new { SkillId = skillId })).ToList();
}
