using System.Security.Claims;
using System.Text.Json.Serialization;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.Messaging.Audit;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>
/// Bulk import for admins, idempotent by e-mail: importing the same rows twice changes nothing.
/// Rows that fail validation are reported by index and skipped; the good rows are imported
/// together in one transaction (see <see cref="ImportWriter"/>).
/// </summary>
internal static class ImportPeople
{
    public const int MaxRows = 1000;

    internal sealed record SkillRow(string? Name, int? Level);

    /// <summary>
    /// One person as sent. An import updates what a row names and keeps the rest: a row without
    /// <c>title</c>, <c>location</c> or <c>bio</c> keeps the stored value, an explicit <c>null</c> clears it.
    /// The setters run only for properties present in the JSON, which is how the row tells the two apart.
    /// </summary>
    internal sealed class Row
    {
        public string? Email { get; init; }

        public string? DisplayName { get; init; }

        public string? Department { get; init; }

        public string? Title { get; init { field = value; Named.Add(nameof(Title)); } }

        public string? Location { get; init { field = value; Named.Add(nameof(Location)); } }

        public string? Bio { get; init { field = value; Named.Add(nameof(Bio)); } }

        public IReadOnlyList<SkillRow?>? Skills { get; init; }

        /// <summary>The optional profile fields this row names, null or not.</summary>
        [JsonIgnore]
        public HashSet<string> Named { get; } = new(StringComparer.Ordinal);
    }

    internal sealed record RejectedRow(int Index, IDictionary<string, string[]> Errors);

    internal sealed record Response(int Created, int Updated, int Unchanged, IReadOnlyList<RejectedRow> Rejected);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/people/import", HandleAsync)
            .RequireAuthorization(Policies.Admin)
            .WithRequestSizeLimit(8 * 1024 * 1024)
            .WithName(nameof(ImportPeople))
            .WithSummary($"Create or update up to {MaxRows} people by e-mail (admins). Invalid rows are reported by index and skipped.");

    private static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        List<Row?> rows,
        ExpertiseDatabase database,
        ImportWriter writer,
        ClaimsPrincipal user,
        AuditTrail<ExpertiseDatabase> audit,
        CancellationToken cancellationToken)
    {
        if (rows.Count is 0 or > MaxRows)
        {
            return new Validation().Add("body", $"Send between 1 and {MaxRows} people.").ToProblem();
        }

        var rejected = new List<RejectedRow>();
        var valid = new List<(int Index, Row Row)>();
        var seenEmails = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count; index++)
        {
            var validation = Validate(rows[index], seenEmails);
            if (validation.IsValid)
            {
                valid.Add((index, rows[index]!));
            }
            else
            {
                rejected.Add(new RejectedRow(index, validation.ToProblem().ProblemDetails.Errors));
            }
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var (created, updated, unchanged) = await writer.WriteAsync(work, valid.Select(entry => entry.Row).ToList());
        await audit.RecordAsync(work, user, "people.imported", "people", ("created", created), ("updated", updated), ("unchanged", unchanged), ("rejected", rejected.Count));
        await work.CommitAsync();
        return TypedResults.Ok(new Response(created, updated, unchanged, rejected));
    }

    private static Validation Validate(Row? row, HashSet<string> seenEmails)
    {
        var validation = new Validation();
        if (row is null)
        {
            return validation.Add("row", "A row must be an object.");
        }

        var email = row.Email?.Trim().ToLowerInvariant();
        if (!EmailAddresses.IsValid(email))
        {
            validation.Add("email", "'email' must be a valid e-mail address.");
        }
        else if (!seenEmails.Add(email))
        {
            validation.Add("email", $"'{email}' appears more than once in this import.");
        }

        validation
            .CheckProfileText(row.DisplayName, row.Title, row.Location, row.Bio)
            .Require(DepartmentCodes.Normalize(row.Department) is not null, "department", $"'department' is a department code: {DepartmentCodes.Rule}.");
        var skills = row.Skills ?? [];
        validation.Require(skills.Count <= 100, "skills", "At most 100 skills per person.");
        for (var index = 0; index < skills.Count; index++)
        {
            SkillTaxonomy.ValidateName(skills[index]?.Name, validation, $"skills[{index}].name");
            validation.Require(skills[index]?.Level is >= 1 and <= 5, $"skills[{index}].level", "A skill level is 1 to 5.");
        }

        return validation;
    }
}
