using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Skills;

internal static class ListSkills
{
    /// <summary>More skills containing the text than this (a letter or two) are matched by the database instead of named one by one.</summary>
    private const int MaxNamedContaining = 500;

    private const string ContainingByPattern = """
        WHERE s.name_key LIKE @Pattern ESCAPE '\'
           OR EXISTS (SELECT 1 FROM skill_aliases a WHERE a.skill_id = s.id AND a.alias_key LIKE @Pattern ESCAPE '\')
        """;

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
        var containingFilter = "";
        IReadOnlyList<Guid> containingIds = [];
        if (!string.IsNullOrWhiteSpace(q))
        {
            // What the text names (also with a typo) first, then names and aliases that contain it: found in the
            // instance's copy of the taxonomy (ADR 0115), or by the database when too many do to name them.
            var index = await taxonomy.GetAsync(session);
            ids.AddRange(index.Match(q).Select(skill => skill.Id));
            var found = index.Containing(q, MaxNamedContaining);
            containingIds = found ?? [];
            containingFilter = found is null ? ContainingByPattern : $"WHERE {database.Dialect.InList("s.id", "@Ids")}";
        }

        var containing = await session.QueryAsync<Guid>(
            $"""
            SELECT s.id
            FROM skills s
            LEFT JOIN (SELECT x.skill_id, count(*) AS held FROM expertise x JOIN people p ON p.id = x.person_id GROUP BY x.skill_id) h
                   ON h.skill_id = s.id
            {containingFilter}
            ORDER BY coalesce(h.held, 0) DESC, s.name_key
            LIMIT @Take
            """,
            new { Pattern = string.IsNullOrWhiteSpace(q) ? null : SqlText.ContainsPattern(q), Ids = containingIds.ToArray(), Take = page.Limit });
        ids.AddRange(containing.Where(id => !ids.Contains(id)));

        return TypedResults.Ok(await SkillReader.ReadAsync(session, ids.Take(page.Limit).ToList()));
    }
}
