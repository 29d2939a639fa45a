using System.Text;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Experts;

/// <summary>
/// Bus-factor risk per skill. An expert holds a skill at declared level 4 or more, or with a score of
/// at least <see cref="ExpertiseModel.ExpertScore"/> from visible evidence; a practitioner holds it
/// below that. Skills come from the people of the department and from the tags of the projects it
/// sponsors or partners in that are not done or cancelled, so a skill a project needs and nobody
/// holds shows as risk "none"; a tag that names no skill of the taxonomy counts nowhere.
/// </summary>
internal static class SkillCoverage
{
    internal sealed record Item(string Skill, int Experts, int Practitioners, string Risk, int Projects);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/experts/coverage", HandleAsync)
            .WithName(nameof(SkillCoverage))
            .WithSummary("Per skill: experts (level 4+ or equivalent evidence) and practitioners of a department (or everyone), riskiest first: none, single-expert, ok.");

    private static async Task<Results<Ok<IReadOnlyList<Item>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? department,
        ExpertiseDatabase database,
        SkillIndexCache taxonomy,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var code = DepartmentCodes.Normalize(department);
        if (department is not null && code is null)
        {
            return new Validation().Add("department", $"'department' is a department code: {DepartmentCodes.Rule}.").ToProblem();
        }

        await using var work = await database.BeginAsync(cancellationToken);
        if (code is not null && !await DepartmentDirectory.ExistsAsync(work, code))
        {
            return Problems.NotFound("The department");
        }

        var factor = ExpertiseModel.DecayFactor(time.GetUtcNow());
        var holdings = await work.QueryAsync<HoldingRow, StoredSums, (HoldingRow Holding, double Score)>(
            $"""
            SELECT s.name AS Skill, x.declared_level AS DeclaredLevel, {StoredSums.Columns}
            FROM expertise x JOIN people p ON p.id = x.person_id JOIN skills s ON s.id = x.skill_id
            WHERE p.deactivated_at IS NULL{(code is null ? "" : " AND p.department = @Department")}
            """,
            new { Department = code },
            (holding, sums) => (holding, ExpertiseModel.Score(sums.At(factor))),
            StoredSums.SplitOn);
        var coverage = new Dictionary<string, (int Experts, int Practitioners, int Projects)>(StringComparer.Ordinal);
        foreach (var (holding, score) in holdings)
        {
            if (!ExpertiseModel.HoldsSkill(holding.DeclaredLevel, score))
            {
                continue;
            }

            var counts = coverage.GetValueOrDefault(holding.Skill);
            coverage[holding.Skill] = ExpertiseModel.IsExpert(holding.DeclaredLevel, score)
                ? counts with { Experts = counts.Experts + 1 }
                : counts with { Practitioners = counts.Practitioners + 1 };
        }

        var names = await taxonomy.GetAsync(work);
        foreach (var tag in await ProjectTagsAsync(work, code))
        {
            // A tag the taxonomy does not know is a candidate, not a skill (ADR 0041).
            if (names.Named(tag) is not { } skill)
            {
                continue;
            }

            var counts = coverage.GetValueOrDefault(skill);
            coverage[skill] = counts with { Projects = counts.Projects + 1 };
        }

        return TypedResults.Ok<IReadOnlyList<Item>>(coverage
            .Select(entry => new Item(entry.Key, entry.Value.Experts, entry.Value.Practitioners, RiskOf(entry.Value.Experts), entry.Value.Projects))
            .OrderBy(item => item.Experts switch { 0 => 0, 1 => 1, _ => 2 })
            .ThenByDescending(item => item.Projects)
            .ThenBy(item => item.Skill, StringComparer.OrdinalIgnoreCase)
            .ToList());
    }

    private static string RiskOf(int experts) => experts switch
    {
        0 => "none",
        1 => "single-expert",
        _ => "ok",
    };

    /// <summary>One tag per project that needs it: projects still under way that the department sponsors or partners in.</summary>
    private static async Task<IEnumerable<string>> ProjectTagsAsync(UnitOfWork work, string? department)
    {
        var sql = new StringBuilder("SELECT tags FROM projects WHERE (status IS NULL OR status NOT IN ('done', 'cancelled'))");
        if (department is not null)
        {
            sql.Append(" AND (sponsor_department = @Department OR partner_departments LIKE @Partner)");
        }

        var tags = await work.QueryAsync<string>(
            sql.ToString(), new { Department = department, Partner = $"%,{department},%" });
        return tags.SelectMany(TagList.Split);
    }

    private sealed class HoldingRow
    {
        public required string Skill { get; init; }

        public int? DeclaredLevel { get; init; }
    }
}
