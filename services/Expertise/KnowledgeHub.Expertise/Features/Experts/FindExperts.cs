using System.Security.Claims;
using KnowledgeHub.Data;
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
    /// <summary>A question's title and body, as someone would paste it.</summary>
    public const int MaxQueryLength = 2_000;

    /// <param name="Skills">The skills the query was resolved to, so a caller sees what "kubernets" was taken for.</param>
    /// <param name="MatchedBy">skill (an exact skill), text (free text naming skills, ranked with the evidence's text), title (free text found only in the evidence's text) or none.</param>
    internal sealed record Response(IReadOnlyList<RankedExpert> Items, IReadOnlyList<string> Skills, string MatchedBy);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/experts", HandleAsync)
            .WithName(nameof(FindExperts))
            .WithSummary("Experts for a skill or a free-text question, best first, each with the evidence behind the score. "
                + "department filters, or with nearby=true ranks that department (default: yours) first; available=true keeps people open to mentoring or consulting; "
                + "exclude leaves one person out (the asker).");

    private static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        string? q,
        string? skill,
        string? department,
        bool? available,
        bool? nearby,
        Guid? exclude,
        int? limit,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        CorpusStatistics statistics,
        SkillIndexCache taxonomy,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var departmentCode = DepartmentCodes.Normalize(department);
        var validation = new Validation()
            .OptionalText(q, "q", MaxQueryLength)
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

        await using var session = await database.OpenSessionAsync(cancellationToken);
        IReadOnlyList<SkillRef> skills = skill is not null
            ? await SkillTaxonomy.FindAsync(session, skill) is { } exact ? [exact] : []
            : (await taxonomy.GetAsync(session)).Match(q!);
        var query = new ExpertQuery(
            skills.Select(found => found.Id).ToList(),
            [],
            Department: nearby == true ? null : departmentCode,
            PreferredDepartment: nearby == true ? departmentCode ?? await OwnDepartmentAsync(session, user) : null,
            AvailableOnly: available == true,
            Excluding: exclude);
        if (skill is not null)
        {
            var now = time.GetUtcNow();
            var ranked = await ExpertRanking.ScoreAsync(session, query, page.Limit, now);
            var explained = await ExpertRanking.ExplainAsync(session, query, ranked, now);
            return TypedResults.Ok(new Response(explained, skills.Select(found => found.Name).ToList(), "skill"));
        }

        // A question ranks by the text of the evidence as well as by the skills it names (ADR 0043).
        var items = await DocumentRanking.RankAsync(session, statistics, q!, skills, query, page.Limit);
        var matchedBy = skills.Count > 0 ? "text" : items.Count > 0 ? "title" : "none";
        return TypedResults.Ok(new Response(items, skills.Select(found => found.Name).ToList(), matchedBy));
    }

    private static async Task<string?> OwnDepartmentAsync(DbSession session, ClaimsPrincipal user) =>
        await session.ScalarAsync<string?>("SELECT department FROM people WHERE id = @Id", new { Id = user.PersonId() })
        ?? DepartmentCodes.Normalize(user.Department());
}
