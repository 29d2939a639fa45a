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
            .WithSummary("How the active portfolio serves the objectives of a period (the current half year unless given): "
                + "aligned budget, unaligned projects, unsupported objectives, health, departments and their partnerships (executives and admins).");

    private static async Task<Results<Ok<ScorecardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
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

        await using var connection = await database.OpenAsync(cancellationToken);
        var figures = await ScorecardQuery.RunAsync(connection, database.Dialect, label, now - StaleAfter, cancellationToken);
        var unconvertible = figures.ActiveByCurrency.Select(row => row.Currency).Distinct().Where(currency => !rates.CanConvert(currency)).Order(StringComparer.Ordinal).ToList();
        if (unconvertible.Count > 0)
        {
            return MixedCurrencies(unconvertible, rates.Base);
        }

        return TypedResults.Ok(ScorecardBuilder.Build(label, figures, rates));
    }

    private static ProblemHttpResult MixedCurrencies(IReadOnlyList<string> currencies, string baseCurrency) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The active portfolio mixes currencies that cannot be converted.",
            detail: $"Active projects plan budgets in {string.Join(", ", currencies)}, which have no configured rate to {baseCurrency}. "
                + $"Set '{CurrencyRates.Section}:Rates:{{code}}' (the value of one unit in {baseCurrency}) for each.",
            extensions: new Dictionary<string, object?> { ["currencies"] = currencies, ["baseCurrency"] = baseCurrency });
}
