using System.Globalization;
using System.Security.Claims;
using System.Text;
using Dapper;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Evidence;

internal static class ListMyEvidence
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/people/me/evidence", HandleAsync)
            .WithName(nameof(ListMyEvidence))
            .WithSummary("Your own evidence, newest first, hidden pieces included; skill and kind filter. Only you see this list.");

    private static async Task<Results<Ok<Page<MyEvidenceItem>>, ValidationProblem>> HandleAsync(
        string? skill,
        string? kind,
        int? limit,
        string? cursor,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (skill is not null)
        {
            SkillTaxonomy.ValidateName(skill, validation, "skill");
        }

        if (kind is not null)
        {
            validation.RequireOneOf(kind, "kind", [.. EvidenceKinds.All]);
        }

        var page = PageRequest.Parse(limit, cursor, validation);
        DateTimeOffset afterAt = default;
        var afterId = Guid.Empty;
        if (page?.After is not null && (page.After is not [var at, var id]
            || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out afterAt)
            || !Guid.TryParse(id, out afterId)))
        {
            validation.Add("cursor", "'cursor' is not a cursor this list handed out.");
        }

        if (page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var sql = new StringBuilder(MyEvidenceRow.Select).Append(" WHERE e.person_id = @PersonId");
        var parameters = new DynamicParameters(new { PersonId = user.PersonId(), Take = page.Limit + 1 });
        if (skill is not null)
        {
            var canonical = await SkillTaxonomy.FindAsync(session, skill);
            sql.Append(" AND e.skill_id = @SkillId");
            parameters.Add("SkillId", canonical?.Id ?? Guid.Empty);
        }

        if (kind is not null)
        {
            sql.Append(" AND e.kind = @Kind");
            parameters.Add("Kind", kind);
        }

        if (page.After is not null)
        {
            sql.Append(" AND (e.occurred_at < @AfterAt OR (e.occurred_at = @AfterAt AND e.id < @AfterId))");
            parameters.Add("AfterAt", afterAt);
            parameters.Add("AfterId", afterId);
        }

        sql.Append(" ORDER BY e.occurred_at DESC, e.id DESC LIMIT @Take");
        var rows = await session.QueryAsync<MyEvidenceRow>(sql.ToString(), parameters);
        var now = time.GetUtcNow();
        return TypedResults.Ok(page.ToPage(
            rows.Select(row => row.ToItem(now)).ToList(),
            item => [item.At.ToString("O", CultureInfo.InvariantCulture), item.Id.ToString()]));
    }
}
