using System.Data.Common;
using System.Security.Claims;
using Dapper;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Experts;

internal static class FindExperts
{
    private const int MaxTitleWords = 5;

    /// <param name="Skills">The skills the query was resolved to, so a caller sees what "kubernets" was taken for.</param>
    /// <param name="MatchedBy">skill (an exact skill), text (free text resolved to skills), title (words found in evidence titles) or none.</param>
    internal sealed record Response(IReadOnlyList<RankedExpert> Items, IReadOnlyList<string> Skills, string MatchedBy);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/experts", HandleAsync)
            .WithName(nameof(FindExperts))
            .WithSummary("Experts for a skill or a free-text question, best first, each with the evidence behind the score. "
                + "department filters, or with nearby=true ranks that department (default: yours) first; available=true keeps people open to mentoring or consulting.");

    private static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        string? q,
        string? skill,
        string? department,
        bool? available,
        bool? nearby,
        int? limit,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var departmentCode = DepartmentCodes.Normalize(department);
        var validation = new Validation()
            .OptionalText(q, "q", 200)
            .Require(!string.IsNullOrWhiteSpace(q) || skill is not null, "q", "Ask with 'q' (free text) or 'skill' (a skill name).")
            .Require(department is null || departmentCode is not null, "department", $"'department' is a department code: {DepartmentCodes.Rule}.");
        if (skill is not null)
        {
            SkillTaxonomy.ValidateName(skill, validation, "skill");
        }

        var page = PageRequest.Parse(limit, cursor: null, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        IReadOnlyList<SkillRef> skills;
        IReadOnlyList<string> titleWords = [];
        if (skill is not null)
        {
            skills = await SkillTaxonomy.FindAsync(connection, skill, cancellationToken) is { } exact ? [exact] : [];
        }
        else
        {
            skills = (await SkillIndex.LoadAsync(connection, cancellationToken)).Match(q!);
            titleWords = skills.Count == 0 ? SkillIndex.SignificantWords(q!).Take(MaxTitleWords).ToList() : [];
        }

        var matchedBy = skill is not null ? "skill" : skills.Count > 0 ? "text" : titleWords.Count > 0 ? "title" : "none";
        var query = new ExpertQuery(
            skills.Select(found => found.Id).ToList(),
            titleWords,
            Department: nearby == true ? null : departmentCode,
            PreferredDepartment: nearby == true ? departmentCode ?? await OwnDepartmentAsync(connection, user, cancellationToken) : null,
            AvailableOnly: available == true);
        var now = time.GetUtcNow();
        var ranked = await ExpertRanking.ScoreAsync(connection, database.Dialect, query, page.Limit, now, cancellationToken);
        var items = await ExpertRanking.ExplainAsync(connection, database.Dialect, query, ranked, now, cancellationToken);
        return TypedResults.Ok(new Response(items, skills.Select(found => found.Name).ToList(), matchedBy));
    }

    private static async Task<string?> OwnDepartmentAsync(DbConnection connection, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT department FROM people WHERE id = @Id", new { Id = user.PersonId() }, cancellationToken: cancellationToken))
        ?? DepartmentCodes.Normalize(user.Department());
}
