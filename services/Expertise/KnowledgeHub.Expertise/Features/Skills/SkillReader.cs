using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <param name="People">How many people hold the skill: declared, or with visible evidence of it.</param>
internal sealed record SkillResponse(string Name, IReadOnlyList<string> Aliases, string? Category, int People);

/// <summary>Reads skills of the taxonomy with their aliases and how many people hold each.</summary>
internal static class SkillReader
{
    public static async Task<IReadOnlyList<SkillResponse>> ReadAsync(
        DbSession session, IReadOnlyCollection<Guid> ids)
    {
        var rows = await session.QueryAsync<SkillRow>(
            $"""
            SELECT s.id AS Id, s.name AS Name, s.category AS Category,
                   (SELECT {session.Dialect.StringAgg("a.alias_key")} FROM skill_aliases a WHERE a.skill_id = s.id) AS Aliases,
                   (SELECT count(*) FROM expertise x JOIN people p ON p.id = x.person_id WHERE x.skill_id = s.id) AS People
            FROM skills s
            WHERE {session.Dialect.InList("s.id", "@Ids")}
            """,
            new { Ids = ids.ToArray() });
        var byId = rows.ToDictionary(row => row.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id].ToResponse()).ToList();
    }

    public static async Task<SkillResponse> ReadOneAsync(
        DbSession session, Guid id) =>
        (await ReadAsync(session, [id])).Single();

    private sealed class SkillRow
    {
        public Guid Id { get; init; }

        public required string Name { get; init; }

        public string? Category { get; init; }

        public string? Aliases { get; init; }

        public int People { get; init; }

        public SkillResponse ToResponse() =>
            new(Name, string.IsNullOrEmpty(Aliases) ? [] : Aliases.Split(',').Order(StringComparer.Ordinal).ToList(), Category, People);
    }
}
