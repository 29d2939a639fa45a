using KnowledgeHub.Partnerships.Features.Matrix;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Partnerships.Features.Silos;

internal static class GetSilos
{
    internal sealed record SiloDepartment(string Code, double InternalShare, double Help);

    internal sealed record SiloPair(string A, string B, int SharedProjects, int SharedObjectives, string Reason);

    internal sealed record SilosResponse(DateOnly From, DateOnly To, IReadOnlyList<SiloDepartment> Departments, IReadOnlyList<SiloPair> Pairs);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/partnerships/silos", HandleAsync)
            .RequireAuthorization(Policies.Executive)
            .WithName("PartnershipsSilos")
            .WithSummary("Departments whose knowledge stays inside, and pairs that share an active project or an objective but exchanged "
                + "no knowledge in the period (default: the last twelve months; executives and admins).");

    private static async Task<Results<Ok<SilosResponse>, ValidationProblem>> HandleAsync(
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
        var departments = flows.Given
            .Where(given => given.Value.Total >= Formulas.SiloMinimumHelp && given.Value.Internal / given.Value.Total >= Formulas.SiloInternalShare)
            .Select(given => new SiloDepartment(given.Key, Formulas.Round(given.Value.Internal / given.Value.Total), given.Value.Total))
            .OrderByDescending(department => department.InternalShare).ThenBy(department => department.Code, StringComparer.Ordinal)
            .ToList();
        var pairs = flows.Pairs
            .Select(pair => (pair, projects: flows.SharedProjects.GetValueOrDefault(pair), objectives: flows.SharedObjectives.GetValueOrDefault(pair)))
            .Where(item => item.projects + item.objectives > 0 && flows.Help(item.pair.A, item.pair.B) + flows.Help(item.pair.B, item.pair.A) == 0)
            .Select(item => new SiloPair(item.pair.A, item.pair.B, item.projects, item.objectives, Reason(item.projects, item.objectives, period)))
            .ToList();
        return TypedResults.Ok(new SilosResponse(period.From, period.To, departments, pairs));
    }

    private static string Reason(int projects, int objectives, ReportingPeriod period)
    {
        var shared = string.Join(" and ", new[] { Count(projects, "active project"), Count(objectives, "objective") }.Where(part => part.Length > 0));
        return $"They share {shared} but exchanged no knowledge from {period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}.";
    }

    private static string Count(int count, string noun) => count switch
    {
        0 => "",
        1 => $"1 {noun}",
        _ => $"{count} {noun}s",
    };
}
