using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Partnerships.Features.Spanners;

/// <summary>
/// People whose contributions reach the most other departments, best first, with the newest
/// evidence of each. Only counted help appears: hidden evidence and closed communities' answers
/// are nowhere in it.
/// </summary>
internal static class ListBoundarySpanners
{
    public const int EvidencePerPerson = 5;

    internal sealed record DepartmentHelped(string Code, int Contributions);

    internal sealed record EvidenceItem(string Kind, string Department, string Detail, DateTimeOffset At);

    internal sealed record SpannerItem(PersonSummary Person, IReadOnlyList<DepartmentHelped> DepartmentsHelped, int Breadth, double Score, IReadOnlyList<EvidenceItem> Evidence);

    internal sealed record SpannersResponse(IReadOnlyList<SpannerItem> Items);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/partnerships/boundary-spanners", HandleAsync)
            .WithName("PartnershipsBoundarySpanners")
            .WithSummary("People whose contributions reach the most other departments, best first, with the departments helped and the evidence; "
                + "department (people of one department) and limit filters.");

    private static async Task<Results<Ok<SpannersResponse>, ValidationProblem>> HandleAsync(
        string? department, int? limit, PartnershipsDatabase database, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var code = Filters.Department(department, validation);
        var count = Filters.Limit(limit, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var reach = await session.QueryAsync<ReachRow>(
            $"""
            SELECT r.person_id AS PersonId, r.receiver_department AS Department, SUM(r.contributions) AS Contributions, SUM(r.help) AS Help
            FROM person_reach r JOIN people p ON p.id = r.person_id
            WHERE p.active AND r.giver_department <> r.receiver_department AND r.contributions > 0 {(code is null ? "" : "AND p.department = @Code")}
            GROUP BY r.person_id, r.receiver_department
            """,
            new { Code = code });
        var ranked = reach.GroupBy(row => row.PersonId)
            .Select(person => (Id: person.Key, Score: Formulas.SpannerScore(person.Select(row => row.Help)), Departments: person.ToList()))
            .OrderByDescending(person => person.Score).ThenByDescending(person => person.Departments.Count).ThenBy(person => person.Id)
            .Take(count)
            .ToList();
        if (ranked.Count == 0)
        {
            return TypedResults.Ok(new SpannersResponse([]));
        }

        var ids = ranked.Select(person => person.Id).ToArray();
        var people = await People.ReadAsync(session, ids);
        var evidence = (await EvidenceAsync(session, ids)).ToLookup(row => row.PersonId);
        var items = ranked.Select(person => new SpannerItem(
            people[person.Id],
            [.. person.Departments.OrderByDescending(row => row.Contributions).ThenBy(row => row.Department, StringComparer.Ordinal)
                .Select(row => new DepartmentHelped(row.Department, (int)row.Contributions))],
            person.Departments.Count,
            person.Score,
            [.. evidence[person.Id].Select(row => new EvidenceItem(row.Kind, row.Department, row.Detail, row.At))])).ToList();
        return TypedResults.Ok(new SpannersResponse(items));
    }

    private static Task<IReadOnlyList<EvidenceRow>> EvidenceAsync(DbSession session, Guid[] ids) =>
        session.QueryAsync<EvidenceRow>(
            $"""
            SELECT PersonId, Kind, Department, Detail, At FROM (
                SELECT giver_id AS PersonId, kind AS Kind, receiver_department AS Department, detail AS Detail, occurred_at AS At,
                       ROW_NUMBER() OVER (PARTITION BY giver_id ORDER BY occurred_at DESC, id) AS Position
                FROM interactions
                WHERE counted AND giver_department <> receiver_department AND {session.Dialect.InList("giver_id", "@Ids")}
            ) newest
            WHERE Position <= {EvidencePerPerson}
            ORDER BY At DESC
            """,
            new { Ids = ids });

    private sealed class ReachRow
    {
        public Guid PersonId { get; init; }

        public required string Department { get; init; }

        public long Contributions { get; init; }

        public double Help { get; init; }
    }

    private sealed class EvidenceRow
    {
        public Guid PersonId { get; init; }

        public required string Kind { get; init; }

        public required string Department { get; init; }

        public required string Detail { get; init; }

        public DateTimeOffset At { get; init; }
    }
}
