using System.Net.Mail;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

/// <summary>
/// Bulk import for admins, idempotent by e-mail: importing the same rows twice changes nothing.
/// Rows that fail validation are reported by index and skipped; the good rows are imported
/// together in one transaction.
/// </summary>
internal static class ImportPeople
{
    public const int MaxRows = 1000;

    internal sealed record SkillRow(string? Name, int? Level);

    internal sealed record Row(
        string? Email,
        string? DisplayName,
        string? Department,
        string? Title,
        string? Location,
        string? Bio,
        IReadOnlyList<SkillRow?>? Skills);

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
        DepartmentDirectory departments,
        SkillTaxonomy taxonomy,
        PersonChanges changes,
        TimeProvider time,
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

        int created = 0, updated = 0, unchanged = 0;
        await using var work = await database.BeginAsync(cancellationToken);
        foreach (var (_, row) in valid)
        {
            var outcome = await UpsertAsync(work, database.Dialect, row, departments, taxonomy, time, cancellationToken);
            if (outcome == Outcome.Unchanged)
            {
                unchanged++;
                continue;
            }

            _ = outcome == Outcome.Created ? created++ : updated++;
            await changes.PublishAsync(work, PersonIds.FromEmail(row.Email!), cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(new Response(created, updated, unchanged, rejected));
    }

    private enum Outcome
    {
        Created,
        Updated,
        Unchanged,
    }

    private static Validation Validate(Row? row, HashSet<string> seenEmails)
    {
        var validation = new Validation();
        if (row is null)
        {
            return validation.Add("row", "A row must be an object.");
        }

        var email = row.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email)
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

    private static async Task<Outcome> UpsertAsync(
        UnitOfWork work, SqlDialect dialect, Row row, DepartmentDirectory departments, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken cancellationToken)
    {
        var email = row.Email!.Trim().ToLowerInvariant();
        var id = PersonIds.FromEmail(email);
        var department = DepartmentCodes.Normalize(row.Department)!;
        var now = time.UtcNowForDatabase();
        await departments.EnsureAsync(work, department, cancellationToken);

        var profile = new
        {
            Id = id,
            Email = email,
            DisplayName = row.DisplayName!.Trim(),
            NameKey = ProfileRules.NameKey(row.DisplayName!),
            Department = department,
            Title = ProfileRules.Clean(row.Title),
            Location = ProfileRules.Clean(row.Location),
            Bio = ProfileRules.Clean(row.Bio),
            Now = now,
        };
        var existed = await work.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT count(*) > 0 FROM people WHERE id = @Id", new { Id = id }, work.Transaction, cancellationToken: cancellationToken));
        var profileChanged = await work.Connection.ExecuteAsync(new CommandDefinition(
            existed
                ? """
                  UPDATE people SET display_name = @DisplayName, name_key = @NameKey, department = @Department, title = @Title,
                      location = @Location, bio = @Bio, version = version + 1, updated_at = @Now
                  WHERE id = @Id
                    AND (display_name IS DISTINCT FROM @DisplayName OR department IS DISTINCT FROM @Department
                         OR title IS DISTINCT FROM @Title OR location IS DISTINCT FROM @Location OR bio IS DISTINCT FROM @Bio)
                  """
                : """
                  INSERT INTO people (id, email, display_name, name_key, department, title, location, bio, version, created_at, updated_at)
                  VALUES (@Id, @Email, @DisplayName, @NameKey, @Department, @Title, @Location, @Bio, 1, @Now, @Now)
                  """,
            profile,
            work.Transaction,
            cancellationToken: cancellationToken)) > 0;

        var skillsChanged = false;
        foreach (var skill in row.Skills ?? [])
        {
            var skillId = (await taxonomy.ResolveOrCreateAsync(work, skill!.Name!, cancellationToken)).Id;
            skillsChanged |= await work.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO person_skills (person_id, skill_id, level, updated_at) VALUES (@PersonId, @SkillId, @Level, @Now)
                ON CONFLICT (person_id, skill_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at
                WHERE person_skills.level <> excluded.level
                """,
                new { PersonId = id, SkillId = skillId, skill.Level, Now = now },
                work.Transaction,
                cancellationToken: cancellationToken)) > 0;
        }

        if (skillsChanged)
        {
            await DeclaredEvidence.SyncAsync(work, dialect, id, cancellationToken);
        }

        if (!existed)
        {
            return Outcome.Created;
        }

        if (skillsChanged && !profileChanged)
        {
            await work.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE people SET version = version + 1, updated_at = @Now WHERE id = @Id",
                new { Id = id, Now = now },
                work.Transaction,
                cancellationToken: cancellationToken));
        }

        return profileChanged || skillsChanged ? Outcome.Updated : Outcome.Unchanged;
    }
}
