using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Skills;

internal static class ListSkills
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/skills", HandleAsync)
            .WithName(nameof(ListSkills))
            .WithSummary("Skills of the taxonomy, most held first. q finds skills by name or alias, also with a typo; limit is 1 to 100 (20).");

    private static async Task<Results<Ok<IReadOnlyList<SkillResponse>>, ValidationProblem>> HandleAsync(
        string? q,
        int? limit,
        ExpertiseDatabase database,
        SkillIndexCache taxonomy,
        CancellationToken cancellationToken)
    {
        var validation = new Validation().OptionalText(q, "q", 200);
        var page = PageRequest.Parse(limit, cursor: null, validation);
        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var ids = new List<Guid>();
        if (!string.IsNullOrWhiteSpace(q))
        {
            // What the text names (also with a typo) first, then names and aliases that contain it.
            var named = (await taxonomy.GetAsync(session)).Match(q);
            ids.AddRange(named.Select(skill => skill.Id));
        }

        var containing = await session.QueryAsync<Guid>(
            $"""
            SELECT s.id
            FROM skills s
            LEFT JOIN (SELECT x.skill_id, count(*) AS held FROM expertise x JOIN people p ON p.id = x.person_id GROUP BY x.skill_id) h
                   ON h.skill_id = s.id
            WHERE @Pattern IS NULL OR s.name_key LIKE @Pattern ESCAPE '\'
               OR EXISTS (SELECT 1 FROM skill_aliases a WHERE a.skill_id = s.id AND a.alias_key LIKE @Pattern ESCAPE '\')
            ORDER BY coalesce(h.held, 0) DESC, s.name_key
            LIMIT @Take
            """,
            new { Pattern = string.IsNullOrWhiteSpace(q) ? null : SqlText.ContainsPattern(q), Take = page.Limit });
        ids.AddRange(containing.Where(id => !ids.Contains(id)));

        return TypedResults.Ok(await SkillReader.ReadAsync(session, ids.Take(page.Limit).ToList()));
    }
}
