using System.Text.RegularExpressions;
using KnowledgeHub.Alignment.Features.Departments;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Alignment.Features.Projects;

internal sealed record BudgetRequest(decimal? Planned, decimal? Actual, string? Currency);

/// <summary>What a client sends to create a project or to replace its editable fields.</summary>
internal sealed record ProjectRequest(
    string? Name,
    string? Description,
    string? SponsorDepartment,
    IReadOnlyList<string?>? PartnerDepartments,
    IReadOnlyList<string?>? Tags,
    BudgetRequest? Budget,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Status,
    bool? Pilot,
    string? LessonsLearned);

/// <summary>A project's editable fields once validated and normalised.</summary>
internal sealed record ProjectInput(
    string Name,
    string Description,
    string SponsorDepartment,
    IReadOnlyList<string> PartnerDepartments,
    IReadOnlyList<string> Tags,
    decimal Planned,
    decimal Actual,
    string Currency,
    DateOnly StartDate,
    DateOnly EndDate,
    string Status,
    bool Pilot,
    string? LessonsLearned);

/// <summary>The rules a project's fields obey when it is created or edited.</summary>
internal static partial class ProjectRules
{
    public const string Active = "active";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    public static readonly string[] Statuses = ["proposed", Active, "on-hold", Done, Cancelled];

    /// <summary>numeric(18,2): sixteen digits before the point.</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    /// <summary>Checks the shape of <paramref name="request"/>; null when <paramref name="validation"/> found errors.</summary>
    public static ProjectInput? Validate(ProjectRequest request, Validation validation)
    {
        var sponsor = DepartmentCodes.Normalize(request.SponsorDepartment);
        var status = request.Status ?? "proposed";
        var pilot = request.Pilot ?? false;
        var lessons = string.IsNullOrWhiteSpace(request.LessonsLearned) ? null : request.LessonsLearned.Trim();
        validation
            .RequireText(request.Name, "name", 150)
            .OptionalText(request.Description, "description", 4000)
            .Require(sponsor is not null, "sponsorDepartment", $"'sponsorDepartment' is a department code ({DepartmentCodes.Rule}).")
            .CheckBudget(request.Budget)
            .Require(request.StartDate is not null, "startDate", "'startDate' is required (YYYY-MM-DD).")
            .Require(request.EndDate is not null, "endDate", "'endDate' is required (YYYY-MM-DD).")
            .Require(request.StartDate is null || request.EndDate is null || request.EndDate >= request.StartDate, "endDate", "'endDate' must not be before 'startDate'.")
            .RequireOneOf(status, "status", Statuses)
            .OptionalText(request.LessonsLearned, "lessonsLearned", 8000)
            .Require(
                !(pilot && status is Done or Cancelled && lessons is null),
                "lessonsLearned",
                "A pilot cannot close (done or cancelled) without 'lessonsLearned': write down what the pilot taught, whether it worked or not.");
        var partners = NormalizePartners(request.PartnerDepartments, sponsor, validation);
        var tags = TagList.Normalize(request.Tags, validation);
        if (!validation.IsValid)
        {
            return null;
        }

        return new ProjectInput(
            request.Name!.Trim(),
            request.Description?.Trim() ?? "",
            sponsor!,
            partners,
            tags,
            decimal.Round(request.Budget!.Planned!.Value, 2),
            decimal.Round(request.Budget.Actual ?? 0, 2),
            NormalizeCurrency(request.Budget.Currency)!,
            request.StartDate!.Value,
            request.EndDate!.Value,
            status,
            pilot,
            lessons);
    }

    /// <summary>Every department the project names must be known here (announced by Expertise).</summary>
    public static async Task CheckDepartmentsAsync(UnitOfWork work, ProjectInput input, Validation validation)
    {
        await KnownDepartments.CheckAsync(work, validation, "sponsorDepartment", [input.SponsorDepartment]);
        await KnownDepartments.CheckAsync(work, validation, "partnerDepartments", input.PartnerDepartments);
    }

    public static string? NormalizeCurrency(string? currency)
    {
        var upper = currency?.Trim().ToUpperInvariant();
        return upper is not null && CurrencyPattern().IsMatch(upper) ? upper : null;
    }

    private static Validation CheckBudget(this Validation validation, BudgetRequest? budget)
    {
        if (budget is null)
        {
            return validation.Add("budget", "'budget' is required: { planned, actual, currency }.");
        }

        return validation
            .Require(budget.Planned is >= 0 and <= MaxAmount, "budget.planned", "'budget.planned' is required and must be zero or more.")
            .Require(budget.Actual is null or (>= 0 and <= MaxAmount), "budget.actual", "'budget.actual' must be zero or more.")
            .Require(NormalizeCurrency(budget.Currency) is not null, "budget.currency", "'budget.currency' is a three-letter ISO 4217 code such as EUR.");
    }

    /// <summary>Partner departments: valid codes, distinct, never the sponsor itself.</summary>
    private static List<string> NormalizePartners(IReadOnlyList<string?>? partners, string? sponsor, Validation validation)
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
