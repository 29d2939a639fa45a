using System.Text;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

internal static class ListPeople
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people", HandleAsync)
            .WithName(nameof(ListPeople))
            .WithSummary("The people directory, by name. q searches names, e-mails and titles; department filters by code; skill keeps people who hold the skill (any of its names).");

    private static async Task<Results<Ok<Page<PersonResponse>>, ValidationProblem>> HandleAsync(
        string? q,
        string? department,
        string? skill,
        int? limit,
        string? cursor,
        ExpertiseDatabase database,
        CancellationToken cancellationToken)
    {
        var departmentCode = DepartmentCodes.Normalize(department);
        var validation = new Validation()
            .OptionalText(q, "q", 200)
            .Require(department is null || departmentCode is not null, "department", $"'department' is a department code: {DepartmentCodes.Rule}.");
        if (skill is not null)
        {
            SkillTaxonomy.ValidateName(skill, validation, "skill");
        }

        var page = PageRequest.Parse(limit, cursor, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var sql = new StringBuilder("WHERE p.deactivated_at IS NULL");
        var parameters = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(q))
        {
            sql.Append($" AND (p.name_key LIKE @Pattern ESCAPE '\\' OR p.email LIKE @Pattern ESCAPE '\\' OR p.title {database.Dialect.CaseInsensitiveLike} @Pattern ESCAPE '\\')");
            parameters.Add("Pattern", SqlText.ContainsPattern(q));
        }

        if (departmentCode is not null)
        {
            sql.Append(" AND p.department = @Department");
            parameters.Add("Department", departmentCode);
        }

        if (skill is not null)
        {
            // A person holds a skill when they declared it or have visible evidence of it.
            var canonical = await SkillTaxonomy.FindAsync(session, skill);
            sql.Append(" AND EXISTS (SELECT 1 FROM expertise x WHERE x.skill_id = @SkillId AND x.person_id = p.id)");
            parameters.Add("SkillId", canonical?.Id ?? Guid.Empty);
        }

        if (page.After is not null)
        {
            if (page.After is not [var afterName, var afterId] || !Guid.TryParse(afterId, out var afterGuid))
            {
                return new Validation().Add("cursor", "'cursor' is not a cursor this list handed out.").ToProblem();
            }

            sql.Append(" AND (p.name_key > @AfterName OR (p.name_key = @AfterName AND p.id > @AfterId))");
            parameters.Add("AfterName", afterName);
            parameters.Add("AfterId", afterGuid);
        }

        sql.Append(" ORDER BY p.name_key, p.id LIMIT @Take");
        parameters.Add("Take", page.Limit + 1);

        var people = await PersonReader.ReadAsync(session, sql.ToString(), parameters);
        return TypedResults.Ok(page.ToPage(people, person => [ProfileRules.NameKey(person.DisplayName), person.Id.ToString()]));
    }
}
