using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Partnerships.Features.Matrix;

internal static class GetMatrix
{
    internal sealed record DepartmentItem(string Code, string Name);

    internal sealed record TrendPoint(string Month, double Health);

    internal sealed record PairItem(
        string A,
        string B,
        double HelpAtoB,
        double HelpBtoA,
        double Reciprocity,
        int SharedProjects,
        int SharedCommunities,
        int SharedObjectives,
        double Health,
        IReadOnlyList<TrendPoint> Trend);

    internal sealed record MatrixResponse(DateOnly From, DateOnly To, IReadOnlyList<DepartmentItem> Departments, IReadOnlyList<PairItem> Pairs);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/partnerships/matrix", HandleAsync)
            .RequireAuthorization(Policies.Executive)
            .WithName("PartnershipsMatrix")
            .WithSummary("How every pair of departments works together in a period (default: the last twelve months): help each way, "
                + "reciprocity, shared projects, communities and objectives, health and its monthly trend (executives and admins).");

    private static async Task<Results<Ok<MatrixResponse>, ValidationProblem>> HandleAsync(
        string? from, string? to, PartnershipsDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var period = ReportingPeriod.Parse(from, to, time, validation);
        if (period is null)
        {
            return validation.ToProblem();
        }

        await using var session = await database.OpenSessionAsync(cancellationToken);
        var flows = await DepartmentFlows.ReadAsync(session, period);
        var months = period.Months();
        var pairs = flows.Pairs.Select(pair =>
        {
            var (aToB, bToA) = (flows.Help(pair.A, pair.B), flows.Help(pair.B, pair.A));
            return new PairItem(
                pair.A,
                pair.B,
                aToB,
                bToA,
                Formulas.Reciprocity(aToB, bToA),
                flows.SharedProjects.GetValueOrDefault(pair),
                flows.SharedCommunities.GetValueOrDefault(pair),
                flows.SharedObjectives.GetValueOrDefault(pair),
                Formulas.Health(aToB, bToA),
                [.. months.Select(month => new TrendPoint(month, Formulas.Health(flows.Help(pair.A, pair.B, month), flows.Help(pair.B, pair.A, month))))]);
        }).ToList();

        var names = (await session.QueryAsync<DepartmentItem>("SELECT code AS Code, name AS Name FROM departments"))
            .ToDictionary(department => department.Code, department => department.Name);
        var departments = names.Keys.Concat(pairs.SelectMany(pair => new[] { pair.A, pair.B })).Distinct().Order(StringComparer.Ordinal)
            .Select(code => new DepartmentItem(code, names.GetValueOrDefault(code, code))).ToList();
        return TypedResults.Ok(new MatrixResponse(period.From, period.To, departments, pairs));
    }
}
