using System.Data.Common;
using Dapper;
using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <param name="People">How many people hold the skill: declared, or with visible evidence of it.</param>
internal sealed record SkillResponse(string Name, IReadOnlyList<string> Aliases, string? Category, int People);

/// <summary>Reads skills of the taxonomy with their aliases and how many people hold each.</summary>
internal static class SkillReader
{
    public static async Task<IReadOnlyList<SkillResponse>> ReadAsync(
        DbConnection connection, SqlDialect dialect, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync<SkillRow>(new CommandDefinition(
            $"""
            SELECT s.id AS Id, s.name AS Name, s.category AS Category,
                   (SELECT {dialect.StringAgg("a.alias_key")} FROM skill_aliases a WHERE a.skill_id = s.id) AS Aliases,
                   (SELECT count(*) FROM expertise x JOIN people p ON p.id = x.person_id WHERE x.skill_id = s.id) AS People
            FROM skills s
            WHERE {dialect.InList("s.id", "@Ids")}
            """,
            new { Ids = ids.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        var byId = rows.ToDictionary(row => row.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id].ToResponse()).ToList();
    }

    public static async Task<SkillResponse> ReadOneAsync(
        DbConnection connection, SqlDialect dialect, Guid id, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (await ReadAsync(connection, dialect, [id], cancellationToken, transaction)).Single();

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
