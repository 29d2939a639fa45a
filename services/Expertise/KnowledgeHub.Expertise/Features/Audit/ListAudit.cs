using System.Globalization;
using System.Text;
using Dapper;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.Audit;

internal static class ListAudit
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName(nameof(ListAudit))
            .WithSummary("The audit trail of every service, newest first (admins): who did what to what, when, with the entry's chain hashes.");

    private static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> HandleAsync(
        string? actor,
        string? action,
        string? target,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? limit,
        string? cursor,
        ExpertiseDatabase database,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var query = AuditQuery.Parse(actor, action, target, from, to, validation);
        var page = PageRequest.Parse(limit, cursor, validation);
        var before = page?.After is null ? long.MaxValue : AuditQuery.PositionOf(page);
        validation.Require(before is not null, "cursor", "'cursor' is not a cursor this list handed out.");
        if (query is null || page is null || !validation.IsValid)
        {
            return validation.ToProblem();
        }

        var sql = new StringBuilder($"SELECT {AuditRow.Columns} FROM audit_entries WHERE seq < @Before");
        var parameters = new DynamicParameters(new { Before = before, Take = page.Limit + 1 });
        query.AppendTo(sql, parameters);
        sql.Append(" ORDER BY seq DESC LIMIT @Take");
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var rows = await session.QueryAsync<AuditRow>(sql.ToString(), parameters);
        return TypedResults.Ok(page.ToPage(
            rows.Select(row => row.ToResponse()).ToList(),
            entry => [entry.Sequence.ToString(CultureInfo.InvariantCulture)]));
    }
}
