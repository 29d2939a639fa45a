using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>A canonical skill of the taxonomy.</summary>
internal sealed class SkillRef
{
    public Guid Id { get; init; }

    public required string Name { get; init; }
}

/// <summary>
/// Resolves what people type ("k8s", "Kubernetes", "kubernetes ") to one canonical skill through
/// its name and aliases, case-insensitively; a skill nobody has named before is created.
/// </summary>
internal sealed partial class SkillTaxonomy(TimeProvider time)
{
    public const int MaxNameLength = 100;

    private const string FindSql = """
        SELECT s.id AS Id, s.name AS Name FROM skills s WHERE s.name_key = @Key
        UNION ALL
        SELECT s.id, s.name FROM skill_aliases a JOIN skills s ON s.id = a.skill_id WHERE a.alias_key = @Key
        """;

    /// <summary>The lookup key of a skill name or alias: trimmed, single-spaced, lower-case.</summary>
    public static string KeyOf(string name) => Clean(name).ToLowerInvariant();

    /// <summary>A name as it is stored: trimmed and single-spaced.</summary>
    public static string Clean(string name) => Whitespace().Replace(name.Trim(), " ");

    public static Validation ValidateName(string? name, Validation validation, string field)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            validation.Add(field, $"'{field}' is required: a skill name.");
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            validation.Add(field, $"'{field}' is a skill name of at most {MaxNameLength} characters.");
        }
        else if (name.Contains(',', StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            validation.Add(field, $"'{field}' cannot contain commas or control characters.");
        }

        return validation;
    }

    /// <summary>
    /// A skill name taken from the path: routes capture the rest of the path so that "CI/CD" works
    /// as it is, and an encoded slash, which the server leaves encoded, is decoded here.
    /// </summary>
    public static string FromRoute(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The canonical skill a name or alias stands for, or null when the taxonomy has none.</summary>
    public static async Task<SkillRef?> FindAsync(DbConnection connection, string name, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<SkillRef>(new CommandDefinition(FindSql, new { Key = KeyOf(name) }, transaction, cancellationToken: cancellationToken)))
            .FirstOrDefault();

    public async Task<SkillRef> ResolveOrCreateAsync(UnitOfWork work, string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(work.Connection, name, cancellationToken, work.Transaction) is { } existing)
        {
            return existing;
        }

        // Two writers may name a new skill at once: the loser's insert does nothing and it reads the winner's.
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO skills (id, name, name_key, category, created_at) VALUES (@Id, @Name, @Key, NULL, @Now)
            ON CONFLICT (name_key) DO NOTHING
            """,
            new { Id = Guid.CreateVersion7(), Name = Clean(name), Key = KeyOf(name), Now = time.UtcNowForDatabase() },
            work.Transaction,
            cancellationToken: cancellationToken));
        return await FindAsync(work.Connection, name, cancellationToken, work.Transaction)
            ?? throw new InvalidOperationException($"The skill '{name}' vanished right after it was created.");
    }

    /// <summary>The distinct canonical skills of some tags, creating the ones nobody has named yet.</summary>
    public async Task<IReadOnlyList<SkillRef>> ResolveOrCreateAllAsync(UnitOfWork work, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var skills = new List<SkillRef>();
        foreach (var name in names)
        {
            var skill = await ResolveOrCreateAsync(work, name, cancellationToken);
            if (skills.TrueForAll(known => known.Id != skill.Id))
            {
                skills.Add(skill);
            }
        }

        return skills;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
