using System.Text.RegularExpressions;
using KnowledgeHub.Data;
using KnowledgeHub.ServiceDefaults.Http;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>A canonical skill of the taxonomy.</summary>
internal sealed class SkillRef
{
    public Guid Id { get; init; }

    public required string Name { get; init; }
}

/// <summary>A name or alias of the taxonomy (its key) and the canonical skill it stands for.</summary>
internal sealed class KeyedSkill
{
    public required string KeyText { get; init; }

    public Guid Id { get; init; }

    public required string Name { get; init; }
}

/// <summary>
/// Resolves what people type ("k8s", "Kubernetes", "kubernetes ") to one canonical skill through
/// its name and aliases, case-insensitively; a skill nobody has named before is created by the
/// callers allowed to (declarations, admins, imports, and candidates promoted by <see cref="TagSkills"/>).
/// </summary>
internal sealed partial class SkillTaxonomy(ExpertiseDatabase database, SkillCandidates candidates, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public const string NameRule = "letters, digits, spaces and the characters + # . / & ' ( ) - _ :, starting with a letter or digit, or with a dot and one (.NET)";

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
        else if (!NamePattern().IsMatch(name.Trim()))
        {
            // Skills are shown to everyone: no markup, and no control or bidi characters that reorder what a reader sees.
            validation.Add(field, $"'{field}' is a skill name: {NameRule}.");
        }

        return validation;
    }

    /// <summary>
    /// A skill name taken from the path: routes capture the rest of the path so that "CI/CD" works
    /// as it is, and an encoded slash, which the server leaves encoded, is decoded here.
    /// </summary>
    public static string FromRoute(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The canonical skill a name or alias stands for, or null when the taxonomy has none.</summary>
    public static async Task<SkillRef?> FindAsync(DbSession session, string name) =>
        (await session.QueryAsync<SkillRef>(FindSql, new { Key = KeyOf(name) })).FirstOrDefault();

    public async Task<SkillRef> ResolveOrCreateAsync(UnitOfWork work, string name) =>
        (await ResolveOrCreateManyAsync(work, [name]))[KeyOf(name)];

    /// <summary>
    /// The canonical skill of every name, by the name's key, in a few statements whatever the
    /// count. Two writers may name a new skill at once: the loser's insert does nothing and it
    /// reads the winner's. Candidates of the names that were missing are accepted (<see cref="SkillCandidates"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SkillRef>> ResolveOrCreateManyAsync(
        UnitOfWork work, IReadOnlyCollection<string> names)
    {
        var keys = names.Select(KeyOf).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return new Dictionary<string, SkillRef>();
        }

        var found = await FindManyAsync(work, keys);
        var missing = names.Where(name => !found.ContainsKey(KeyOf(name))).DistinctBy(KeyOf).ToList();
        if (missing.Count == 0)
        {
            return found;
        }

        var now = time.UtcNowForDatabase();
        await work.ExecuteRowsAsync(
            "INSERT INTO skills (id, name, name_key, category, created_at) VALUES {rows} ON CONFLICT (name_key) DO NOTHING",
            missing,
            name => [Guid.CreateVersion7(), Clean(name), KeyOf(name), null, now]);
        await candidates.AcceptAsync(work, missing.Select(KeyOf).ToList());
        return await FindManyAsync(work, keys);
    }

    /// <summary>The canonical skills the taxonomy knows for these keys (names or aliases), by key; unknown keys are absent.</summary>
    public async Task<Dictionary<string, SkillRef>> FindManyAsync(UnitOfWork work, string[] keys)
    {
        var rows = await work.QueryAsync<KeyedSkill>(
            $"""
            SELECT s.name_key AS KeyText, s.id AS Id, s.name AS Name FROM skills s WHERE {database.Dialect.InList("s.name_key", "@Keys")}
            UNION ALL
            SELECT a.alias_key, s.id, s.name FROM skill_aliases a JOIN skills s ON s.id = a.skill_id WHERE {database.Dialect.InList("a.alias_key", "@Keys")}
            """,
            new { Keys = keys });
        var found = new Dictionary<string, SkillRef>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            found.TryAdd(row.KeyText, new SkillRef { Id = row.Id, Name = row.Name });
        }

        return found;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A leading dot only before a letter or digit: the taxonomy's own ".NET" must be nameable.
    [GeneratedRegex(@"^\.?[\p{L}\p{N}][\p{L}\p{M}\p{N} +#./&'()\-_:]*$")]
    private static partial Regex NamePattern();
}
