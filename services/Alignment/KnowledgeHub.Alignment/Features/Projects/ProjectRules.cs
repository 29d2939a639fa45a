using System.Text.RegularExpressions;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Projects;

internal sealed record BudgetRequest(decimal? Planned, decimal? Actual, string? Currency);

/// <summary>The rules a project's fields obey when it is created or edited.</summary>
internal static partial class ProjectRules
{
    public static readonly string[] Statuses = ["proposed", "active", "on-hold", "done", "cancelled"];

    /// <summary>numeric(18,2): sixteen digits before the point.</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    public static string? NormalizeCurrency(string? currency)
    {
        var upper = currency?.Trim().ToUpperInvariant();
        return upper is not null && CurrencyPattern().IsMatch(upper) ? upper : null;
    }

    public static Validation CheckBudget(this Validation validation, BudgetRequest? budget)
    {
        if (budget is null)
        {
            return validation.Add("budget", "'budget' is required: { planned, actual, currency }.");
        }

        return validation
            .Require(budget.Planned is >= 0 and <= MaxAmount, "budget.planned", "'budget.planned' must be zero or more.")
            .Require(budget.Actual is null or (>= 0 and <= MaxAmount), "budget.actual", "'budget.actual' must be zero or more.")
            .Require(NormalizeCurrency(budget.Currency) is not null, "budget.currency", "'budget.currency' is a three-letter ISO 4217 code such as EUR.");
    }

    /// <summary>Partner departments: valid codes, distinct, never the sponsor itself.</summary>
    public static IReadOnlyList<string> NormalizePartners(IReadOnlyList<string?>? partners, string? sponsor, Validation validation)
    {
        var normalized = new List<string>();
        foreach (var partner in partners ?? [])
        {
            var code = DepartmentCodes.Normalize(partner);
            if (code is null)
            {
                validation.Add("partnerDepartments", $"'{partner}' is not a department code ({DepartmentCodes.Rule}).");
            }
            else if (code != sponsor && !normalized.Contains(code))
            {
                normalized.Add(code);
            }
        }

        validation.Require(normalized.Count <= 20, "partnerDepartments", "At most 20 partner departments.");
        return normalized;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
