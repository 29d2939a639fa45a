using System.Data.Common;
using System.Text;
using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;

namespace KnowledgeHub.Expertise.Features.Experts;

internal sealed record ExpertPerson(Guid Id, string DisplayName, string Department, string? Title);

/// <param name="Weight">What the piece counts today, after decay.</param>
internal sealed record ExpertEvidence(string Kind, string Skill, string Detail, DateTimeOffset At, double Weight);

internal sealed record RankedExpert(ExpertPerson Person, double Score, IReadOnlyList<ExpertEvidence> Evidence);

/// <summary>Who to rank: holders of any of the skills, or authors of evidence whose text has every word.</summary>
/// <param name="PreferredDepartment">Ranked first ("nearby") without dropping anyone else.</param>
internal sealed record ExpertQuery(
    IReadOnlyList<Guid> SkillIds,
    IReadOnlyList<string> TitleWords,
    string? Department = null,
    string? PreferredDepartment = null,
    bool AvailableOnly = false,
    Guid? Excluding = null);

/// <summary>
/// Ranks people for skills from the per-skill aggregates (one indexed range per skill), then
/// reads the visible evidence of only the people that make the cut, to show why.
/// </summary>
internal static class ExpertRanking
{
    public const int EvidencePerExpert = 10;

    /// <summary>Everyone the query finds, best first, with scores but without evidence yet.</summary>
    public static async Task<IReadOnlyList<(ExpertPerson Person, double Score)>> ScoreAsync(
        DbConnection connection, SqlDialect dialect, ExpertQuery query, DateTimeOffset now, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        if (query.SkillIds.Count == 0 && query.TitleWords.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters(new { SkillIds = query.SkillIds.ToArray(), query.Department, query.Excluding });
        var scored = query.SkillIds.Count > 0
            ? await BySkillsAsync(connection, dialect, query, parameters, now, cancellationToken, transaction)
            : await ByTitlesAsync(connection, dialect, query, parameters, now, cancellationToken, transaction);
        return scored
            .OrderByDescending(candidate => candidate.Person.Department == query.PreferredDepartment)
            .ThenByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Person.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(candidate => candidate.Person.Id)
            .ToList();
    }

    /// <summary>The visible evidence that explains each person's place, strongest first.</summary>
    public static async Task<IReadOnlyList<RankedExpert>> ExplainAsync(
        DbConnection connection,
        SqlDialect dialect,
        ExpertQuery query,
        IReadOnlyList<(ExpertPerson Person, double Score)> ranked,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        DbTransaction? transaction = null)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters(new { People = ranked.Select(candidate => candidate.Person.Id).ToArray(), SkillIds = query.SkillIds.ToArray() });
        var sql = new StringBuilder(
            $"""
            SELECT e.person_id AS PersonId, e.source AS Source, e.kind AS Kind, s.name AS Skill, e.detail AS Detail, e.occurred_at AS At, e.weight AS Weight
            FROM evidence e JOIN skills s ON s.id = e.skill_id
            WHERE {dialect.InList("e.person_id", "@People")} AND NOT e.hidden
            """);
        AppendEvidenceFilter(sql, dialect, query, parameters);
        var rows = await connection.QueryAsync<PieceRow>(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));

        // Found by its title, a post tagged with several skills is one piece, not one per skill.
        var pieces = (query.SkillIds.Count > 0 ? rows : rows.DistinctBy(piece => piece.Source)).ToLookup(piece => piece.PersonId);
        return ranked.Select(candidate => new RankedExpert(
            candidate.Person,
            Math.Round(candidate.Score, 2),
            pieces[candidate.Person.Id]
                .Select(piece => new ExpertEvidence(piece.Kind, piece.Skill, piece.Detail, piece.At, Math.Round(ExpertiseModel.CurrentWeight(piece.Weight, piece.At, now), 3)))
                .OrderByDescending(piece => piece.Weight)
                .ThenByDescending(piece => piece.At)
                .Take(EvidencePerExpert)
                .ToList())).ToList();
    }

    private static async Task<IEnumerable<(ExpertPerson Person, double Score)>> BySkillsAsync(
        DbConnection connection, SqlDialect dialect, ExpertQuery query, DynamicParameters parameters, DateTimeOffset now, CancellationToken cancellationToken, DbTransaction? transaction)
    {
        var sql = new StringBuilder(
            $"""
            SELECT x.person_id AS Id, p.display_name AS DisplayName, p.department AS Department, p.title AS Title,
                   {StoredSums.Columns}
            FROM expertise x JOIN people p ON p.id = x.person_id
            WHERE {dialect.InList("x.skill_id", "@SkillIds")}
            """);
        AppendPeopleFilter(sql, query);
        var factor = ExpertiseModel.DecayFactor(now);
        var rows = await connection.QueryAsync<PersonRow, StoredSums, (ExpertPerson Person, double Score)>(
            new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken),
            (person, sums) => (person.Person, ExpertiseModel.Score(sums.At(factor))),
            splitOn: StoredSums.SplitOn);

        // Several skills asked for: a person's score is the sum of their scores in each.
        return rows
            .GroupBy(row => row.Person.Id)
            .Select(person => (person.First().Person, person.Sum(row => row.Score)));
    }

    private static async Task<IEnumerable<(ExpertPerson Person, double Score)>> ByTitlesAsync(
        DbConnection connection, SqlDialect dialect, ExpertQuery query, DynamicParameters parameters, DateTimeOffset now, CancellationToken cancellationToken, DbTransaction? transaction)
    {
        var sql = new StringBuilder(
            """
            SELECT e.person_id AS Id, p.display_name AS DisplayName, p.department AS Department, p.title AS Title,
                   e.source AS Source, e.kind AS Kind, e.weight AS Weight, e.occurred_at AS At
            FROM evidence e JOIN people p ON p.id = e.person_id
            WHERE NOT e.hidden
            """);
        AppendEvidenceFilter(sql, dialect, query, parameters);
        AppendPeopleFilter(sql, query);
        var rows = await connection.QueryAsync<TitleRow>(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));

        // A post tagged with three skills is one piece of evidence, not three.
        return rows
            .DistinctBy(row => row.Source)
            .GroupBy(row => row.Id)
            .Select(person => (
                person.First().Person,
                ExpertiseModel.Score(person.Aggregate(default(KindSums), (sums, row) => sums + KindSums.Of(row.Kind, ExpertiseModel.CurrentWeight(row.Weight, row.At, now))))));
    }

    private static void AppendEvidenceFilter(StringBuilder sql, SqlDialect dialect, ExpertQuery query, DynamicParameters parameters)
    {
        if (query.SkillIds.Count > 0)
        {
            sql.Append($" AND {dialect.InList("e.skill_id", "@SkillIds")}");
            return;
        }

        for (var index = 0; index < query.TitleWords.Count; index++)
        {
            sql.Append($" AND e.detail {dialect.CaseInsensitiveLike} @Word{index} ESCAPE '\\'");
            parameters.Add($"Word{index}", SqlText.ContainsPattern(query.TitleWords[index]));
        }
    }

    private static void AppendPeopleFilter(StringBuilder sql, ExpertQuery query)
    {
        if (query.Department is not null)
        {
            sql.Append(" AND p.department = @Department");
        }

        if (query.AvailableOnly)
        {
            sql.Append(" AND (p.mentoring OR p.consulting) AND (p.hours_per_week IS NULL OR p.hours_per_week > 0)");
        }

        if (query.Excluding is not null)
        {
            sql.Append(" AND p.id <> @Excluding");
        }
    }

    private class PersonRow
    {
        public Guid Id { get; init; }

        public required string DisplayName { get; init; }

        public required string Department { get; init; }

        public string? Title { get; init; }

        public ExpertPerson Person => new(Id, DisplayName, Department, Title);
    }

    private sealed class TitleRow : PersonRow
    {
        public required string Source { get; init; }

        public required string Kind { get; init; }

        public double Weight { get; init; }

        public DateTimeOffset At { get; init; }
    }

    private sealed class PieceRow
    {
        public Guid PersonId { get; init; }

        public required string Source { get; init; }

        public required string Kind { get; init; }

        public required string Skill { get; init; }

        public required string Detail { get; init; }

        public DateTimeOffset At { get; init; }

        public double Weight { get; init; }
    }
}
