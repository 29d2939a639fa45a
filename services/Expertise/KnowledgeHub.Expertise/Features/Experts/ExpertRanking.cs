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
    Guid? Excluding = null,
    string? OtherThanDepartment = null);

/// <summary>
/// Ranks people for skills from the per-skill aggregates (one indexed range per skill), then
/// reads the visible evidence of only the people that make the cut, to show why.
/// </summary>
internal static class ExpertRanking
{
    public const int EvidencePerExpert = 10;

    private const int FirstBatch = 64;

    /// <summary>
    /// The best <paramref name="needed"/> people the query finds (the nearby department's first),
    /// with scores but without evidence yet.
    /// </summary>
    public static async Task<IReadOnlyList<(ExpertPerson Person, double Score)>> ScoreAsync(
        DbSession session, ExpertQuery query, int needed, DateTimeOffset now)
    {
        if (query.SkillIds.Count == 0 && query.TitleWords.Count == 0)
        {
            return [];
        }

        if (query.SkillIds.Count == 0)
        {
            return Best(await ByTitlesAsync(session, query, now), query, needed);
        }

        if (query.PreferredDepartment is not { } preferred)
        {
            return await BySkillsAsync(session, query, needed, now);
        }

        var nearby = await BySkillsAsync(session, query with { Department = preferred }, needed, now);
        var others = nearby.Count >= needed ? [] : await BySkillsAsync(
            session, query with { OtherThanDepartment = preferred }, needed - nearby.Count, now);
        return [.. nearby, .. others];
    }

    /// <summary>The visible evidence that explains each person's place, strongest first.</summary>
    public static async Task<IReadOnlyList<RankedExpert>> ExplainAsync(
        DbSession session,
        ExpertQuery query,
        IReadOnlyList<(ExpertPerson Person, double Score)> ranked,
        DateTimeOffset now)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters(new { People = ranked.Select(candidate => candidate.Person.Id).ToArray() });
        var (from, where) = EvidenceOf(session.Dialect, query, parameters);
        var rows = await session.QueryAsync<PieceRow>(
            $"""
            SELECT e.person_id AS PersonId, e.source AS Source, e.kind AS Kind, s.name AS Skill, e.detail AS Detail, e.occurred_at AS At, e.weight AS Weight
            FROM {from} JOIN skills s ON s.id = e.skill_id
            WHERE {where} AND {session.Dialect.InList("e.person_id", "@People")} AND NOT e.hidden
            """,
            parameters);

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

    /// <summary>
    /// Reads each skill's holders in descending order of <c>total</c>, the stored sum of all their
    /// evidence. Decayed, that sum bounds a score from above (saturation only lowers it), so once
    /// the needed-th best exact score reaches the sum of the bounds where the lists stand, nobody
    /// unread can overtake: a popular skill with thousands of holders costs a batch or two.
    /// </summary>
    private static async Task<IReadOnlyList<(ExpertPerson Person, double Score)>> BySkillsAsync(
        DbSession session, ExpertQuery query, int needed, DateTimeOffset now)
    {
        var factor = ExpertiseModel.DecayFactor(now);
        var lists = query.SkillIds.Distinct().Select(skill => new HolderList(skill)).ToList();
        var scored = new Dictionary<Guid, (ExpertPerson Person, double Score)>();
        for (var batch = FirstBatch; ; batch *= 2)
        {
            var unseen = new Dictionary<Guid, ExpertPerson>();
            foreach (var list in lists.Where(list => !list.Exhausted))
            {
                var sql = new StringBuilder(
                    $"""
                    SELECT x.person_id AS Id, p.display_name AS DisplayName, p.department AS Department, p.title AS Title, x.total AS Total,
                           {StoredSums.Columns}
                    FROM expertise x JOIN people p ON p.id = x.person_id
                    WHERE x.skill_id = @SkillId
                    """);
                AppendPeopleFilter(sql, query);
                if (list.AfterPerson is not null)
                {
                    sql.Append(" AND (x.total < @AfterTotal OR (x.total = @AfterTotal AND x.person_id > @AfterPerson))");
                }

                sql.Append(" ORDER BY x.total DESC, x.person_id LIMIT @Take");
                var rows = await session.QueryAsync<HolderRow, StoredSums, (HolderRow Holder, StoredSums Sums)>(
                    sql.ToString(),
                    new { list.SkillId, query.Department, query.OtherThanDepartment, query.Excluding, list.AfterTotal, list.AfterPerson, Take = batch },
                    (holder, sums) => (holder, sums),
                    StoredSums.SplitOn);
                list.Advance(rows.Select(row => (row.Holder.Total, row.Holder.Id)).ToList(), batch);
                foreach (var (holder, sums) in rows.Where(row => !scored.ContainsKey(row.Holder.Id)))
                {
                    if (lists.Count == 1)
                    {
                        scored[holder.Id] = (holder.Person, ExpertiseModel.Score(sums.At(factor)));
                    }
                    else
                    {
                        unseen[holder.Id] = holder.Person;
                    }
                }
            }

            foreach (var (person, score) in await ScoreAcrossSkillsAsync(session, query, unseen, factor))
            {
                scored[person.Id] = (person, score);
            }

            var bound = lists.Sum(list => list.Exhausted ? 0 : factor * list.AfterTotal);
            var best = Best(scored.Values, query, needed);
            if (lists.TrueForAll(list => list.Exhausted) || (best.Count == needed && best[^1].Score >= bound))
            {
                return best;
            }
        }
    }

    /// <summary>Several skills asked for: a person's score is the sum of their scores in each.</summary>
    private static async Task<IEnumerable<(ExpertPerson Person, double Score)>> ScoreAcrossSkillsAsync(
        DbSession session,
        ExpertQuery query,
        Dictionary<Guid, ExpertPerson> people,
        double factor)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var rows = await session.QueryAsync<HolderRow, StoredSums, (Guid Person, double Score)>(
            $"""
            SELECT x.person_id AS Id, '' AS DisplayName, '' AS Department, x.total AS Total, {StoredSums.Columns}
            FROM expertise x
            WHERE {session.Dialect.InList("x.person_id", "@People")} AND {session.Dialect.InList("x.skill_id", "@SkillIds")}
            """,
            new { People = people.Keys.ToArray(), SkillIds = query.SkillIds.ToArray() },
            (holder, sums) => (holder.Id, ExpertiseModel.Score(sums.At(factor))),
            StoredSums.SplitOn);
        return rows.GroupBy(row => row.Person).Select(person => (people[person.Key], person.Sum(row => row.Score)));
    }

    private static List<(ExpertPerson Person, double Score)> Best(IEnumerable<(ExpertPerson Person, double Score)> scored, ExpertQuery query, int needed) =>
        scored
            .OrderByDescending(candidate => candidate.Person.Department == query.PreferredDepartment)
            .ThenByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Person.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(candidate => candidate.Person.Id)
            .Take(needed)
            .ToList();

    private static async Task<IEnumerable<(ExpertPerson Person, double Score)>> ByTitlesAsync(
        DbSession session, ExpertQuery query, DateTimeOffset now)
    {
        var parameters = new DynamicParameters(new { query.Department, query.OtherThanDepartment, query.Excluding });
        var (from, where) = EvidenceOf(session.Dialect, query, parameters);
        var sql = new StringBuilder(
            $"""
            SELECT e.person_id AS Id, p.display_name AS DisplayName, p.department AS Department, p.title AS Title,
                   e.source AS Source, e.kind AS Kind, e.weight AS Weight, e.occurred_at AS At
            FROM {from} JOIN people p ON p.id = e.person_id
            WHERE {where} AND NOT e.hidden
            """);
        AppendPeopleFilter(sql, query);
        var rows = await session.QueryAsync<TitleRow>(sql.ToString(), parameters);

        // A post tagged with three skills is one piece of evidence, not three.
        return rows
            .DistinctBy(row => row.Source)
            .GroupBy(row => row.Id)
            .Select(person => (
                person.First().Person,
                ExpertiseModel.Score(person.Aggregate(default(KindSums), (sums, row) => sums + KindSums.Of(row.Kind, ExpertiseModel.CurrentWeight(row.Weight, row.At, now))))));
    }

    /// <summary>
    /// The evidence a query reads (aliased <c>e</c>): that of the asked skills, or, by title, that of
    /// the sources whose title has every word, joined from the word index so that the index drives.
    /// </summary>
    private static (string From, string Where) EvidenceOf(SqlDialect dialect, ExpertQuery query, DynamicParameters parameters)
    {
        if (query.SkillIds.Count > 0)
        {
            parameters.Add("SkillIds", query.SkillIds.ToArray());
            return ("evidence e", dialect.InList("e.skill_id", "@SkillIds"));
        }

        var from = new StringBuilder("evidence_words w0");
        for (var index = 0; index < query.TitleWords.Count; index++)
        {
            parameters.Add($"Word{index}", query.TitleWords[index]);
            if (index > 0)
            {
                from.Append($" JOIN evidence_words w{index} ON w{index}.source = w0.source AND w{index}.word = @Word{index}");
            }
        }

        return (from.Append(" JOIN evidence e ON e.source = w0.source").ToString(), "w0.word = @Word0");
    }

    public static void AppendPeopleFilter(StringBuilder sql, ExpertQuery query)
    {
        // People the organisation's directory deactivated are nobody's expert (ADR 0068); their evidence stays for a reactivation.
        sql.Append(" AND p.deactivated_at IS NULL");
        if (query.Department is not null)
        {
            sql.Append(" AND p.department = @Department");
        }

        if (query.OtherThanDepartment is not null)
        {
            sql.Append(" AND p.department <> @OtherThanDepartment");
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

    private sealed class HolderRow : PersonRow
    {
        public double Total { get; init; }
    }

    /// <summary>Where the reading of one skill's holders stands.</summary>
    private sealed class HolderList(Guid skillId)
    {
        public Guid SkillId { get; } = skillId;

        public double AfterTotal { get; private set; }

        public Guid? AfterPerson { get; private set; }

        public bool Exhausted { get; private set; }

        public void Advance(List<(double Total, Guid Person)> read, int asked)
        {
            Exhausted = read.Count < asked;
            if (read.Count > 0)
            {
                (AfterTotal, AfterPerson) = read[^1];
            }
        }
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
