using KnowledgeHub.Alignment.Features.Objectives;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Alignment.Features.Scorecard;

internal static class GetScorecard
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(30);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/alignment/scorecard", HandleAsync)
            .RequireAuthorization(Policies.Executive)
            .WithName(nameof(GetScorecard))
            .WithSummary("How the active portfolio serves the objectives of a period and of the periods containing it (the current half year unless given): "
                + "aligned and contribution-weighted budget, unaligned projects, unsupported objectives, health, departments and their partnerships, "
                + "and the active projects left out of the sums for want of a currency rate (executives and admins).");

    private static async Task<Results<Ok<ScorecardResponse>, ValidationProblem>> HandleAsync(
        string? period,
        AlignmentDatabase database,
        CurrencyRates rates,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var now = time.GetUtcNow();
        var label = Filters.Period(period, validation) ?? Periods.CurrentHalf(now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var periods = Periods.Containing(label);
        await using var session = await database.OpenSessionAsync(cancellationToken);
        var figures = await ScorecardQuery.RunAsync(session, periods, now - StaleAfter);
        var unconvertible = figures.ActiveByCurrency.Select(row => row.Currency).Distinct().Where(currency => !rates.CanConvert(currency)).ToList();
        IReadOnlyList<ScorecardQuery.UnconvertedRow> unconverted = unconvertible.Count == 0 ? [] : await ScorecardQuery.UnconvertedAsync(session, unconvertible);
        return TypedResults.Ok(ScorecardBuilder.Build(periods, figures, rates, unconverted));
    }
}
