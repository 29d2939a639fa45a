using System.Text.RegularExpressions;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>
/// Resolves what people type ("k8s", "Kubernetes", "kubernetes ") to one canonical skill through
/// its name and aliases, case-insensitively; a skill nobody has named before is created.
/// </summary>
internal sealed partial class SkillTaxonomy(TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <summary>The lookup key of a skill name or alias: trimmed, single-spaced, lower-case.</summary>
    public static string KeyOf(string name) => Whitespace().Replace(name.Trim(), " ").ToLowerInvariant();

    public static void ValidateName(string? name, Validation validation, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            validation.Add(field, "A skill name is required.");
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            validation.Add(field, $"A skill name is at most {MaxNameLength} characters.");
        }
        else if (name.Contains(',', StringComparison.Ordinal))
        {
            validation.Add(field, "A skill name cannot contain a comma.");
        }
    }

    public async Task<Guid> ResolveOrCreateAsync(UnitOfWork work, string name, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        var existing = await work.Connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            """
            SELECT id FROM skills WHERE name_key = @Key
            UNION ALL
            SELECT skill_id FROM skill_aliases WHERE alias_key = @Key
            LIMIT 1
            """,
            new { Key = key },
            work.Transaction,
            cancellationToken: cancellationToken));
        if (existing is { } id)
        {
            return id;
        }

        id = Guid.CreateVersion7();
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO skills (id, name, name_key, category, created_at) VALUES (@Id, @Name, @Key, NULL, @Now)",
            new { Id = id, Name = Whitespace().Replace(name.Trim(), " "), Key = key, Now = time.UtcNowForDatabase() },
            work.Transaction,
            cancellationToken: cancellationToken));
        return id;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
