using Dapper;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;
using KnowledgeHub.Expertise.Features.Skills;

namespace KnowledgeHub.Expertise.Features.Experts;

/// <summary>
/// Ranks people for a question by the documents of their evidence (ExpertDocumentModel): reads the
/// postings of the question's terms, adds each person's recent activity and their score in the skills
/// the question names, and explains each result by the documents that put it there.
/// </summary>
internal static class DocumentRanking
{
    /// <summary>A term in more documents than this says little (its BM25 weight is near nothing) and would cost the most to read: it is left out.</summary>
    private const int MaxPostingsPerTerm = 5_000;

    /// <summary>How many of the best holders of the skills a question names are considered.</summary>
    private const int SkillCandidates = 50;

    private const int DocumentsPerExpert = 5;

    public static async Task<IReadOnlyList<RankedExpert>> RankAsync(
        DbSession session, CorpusStatistics statistics, string text, IReadOnlyList<SkillRef> skills, ExpertQuery filters, int needed)
    {
        var corpus = await statistics.CurrentAsync();

        // Recency counts back from the newest evidence, read for each question: one entry of ix_evidence_documents_at, and a piece just written is never shown above its tie.
        var newest = await session.ScalarAsync<DateTimeOffset?>("SELECT max(occurred_at) FROM evidence_documents") ?? DateTimeOffset.UnixEpoch;
        var terms = await TermsAsync(session, text, skills, corpus.Documents);
        var matches = terms.Count == 0 ? [] : await MatchingDocumentsAsync(session, terms, corpus.AverageLength);

        // Relevance per document (BM25, summed by the database), times its tie and recency.
        var documents = matches
            .Select(document => (document.PersonId, document.Source, Contribution: ExpertDocumentModel.Weight(document.Strength, newest) * document.Relevance))
            .ToList();
        var relevance = documents.GroupBy(document => document.PersonId).ToDictionary(person => person.Key, person => person.Sum(document => document.Contribution));
        var skillScores = skills.Count == 0 ? new Dictionary<Guid, double>() : (await ExpertRanking.ScoreAsync(
                session, filters with { SkillIds = skills.Select(skill => skill.Id).ToList(), TitleWords = [] }, SkillCandidates, newest))
            .ToDictionary(scored => scored.Person.Id, scored => scored.Score);
        if (relevance.Count == 0 && skillScores.Count == 0)
        {
            return [];
        }

        // Only people the question's text or skills tie to are ranked: activity orders them, it never brings in someone with nothing to show.
        // The matching documents carry their authors' activity; only people tied by a skill alone are looked up (at most SkillCandidates).
        var candidates = relevance.Keys.Concat(skillScores.Keys).Distinct().ToArray();
        var activity = matches.DistinctBy(document => document.PersonId).ToDictionary(document => document.PersonId, document => document.Activity ?? 0);
        var skillOnly = skillScores.Keys.Where(person => !activity.ContainsKey(person)).ToArray();
        if (skillOnly.Length > 0)
        {
            var rows = await session.QueryAsync<ActivityRow>(
                $"SELECT person_id AS PersonId, strength AS Strength FROM person_activity WHERE {session.Dialect.InList("person_id", "@People")}",
                new { People = skillOnly });
            foreach (var row in rows)
            {
                activity[row.PersonId] = row.Strength;
            }
        }

        var (maxRelevance, maxActivity, maxSkill) = (MaxOf(relevance.Values), MaxOf(activity.Values), MaxOf(skillScores.Values));
        var scored = candidates
            .Select(person => (
                Person: person,
                Score: (activity.GetValueOrDefault(person) / maxActivity * (ExpertDocumentModel.RelevanceFloor + (relevance.GetValueOrDefault(person) / maxRelevance)))
                    + (ExpertDocumentModel.SkillShare * skillScores.GetValueOrDefault(person) / maxSkill)))
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Person)
            .ToList();

        var people = await PeopleAsync(session, filters, scored.Take(Math.Max(needed * 4, 100)).Select(candidate => candidate.Person).ToArray());
        var chosen = scored
            .Where(candidate => people.ContainsKey(candidate.Person))
            .Select(candidate => (Person: people[candidate.Person], candidate.Score))
            .OrderByDescending(candidate => candidate.Person.Department == filters.PreferredDepartment)
            .ThenByDescending(candidate => candidate.Score)
            .Take(needed)
            .ToList();
        var strongest = documents
            .GroupBy(document => document.PersonId)
            .ToDictionary(person => person.Key, person => person.OrderByDescending(document => document.Contribution).Take(DocumentsPerExpert).Select(document => document.Source).ToList());
        return await ExplainAsync(session, filters, skills, chosen, strongest, newest);
    }

    private static async Task<IReadOnlyList<RankedExpert>> ExplainAsync(
        DbSession session,
        ExpertQuery filters,
        IReadOnlyList<SkillRef> skills,
        List<(ExpertPerson Person, double Score)> chosen,
        Dictionary<Guid, List<string>> strongest,
        DateTimeOffset reference)
    {
        var sources = chosen.SelectMany(candidate => strongest.GetValueOrDefault(candidate.Person.Id) ?? []).ToArray();
        var documents = sources.Length == 0 ? [] : (await session.QueryAsync<DocumentRow>(
            $"""
            SELECT source AS Source, kind AS Kind, skill AS Skill, detail AS Detail, occurred_at AS At, strength AS Strength
            FROM evidence_documents WHERE {session.Dialect.InList("source", "@Sources")}
            """,
            new { Sources = sources })).ToDictionary(document => document.Source);
        var bySkill = skills.Count == 0 ? [] : await ExpertRanking.ExplainAsync(
            session, filters with { SkillIds = skills.Select(skill => skill.Id).ToList(), TitleWords = [] }, chosen, reference);
        var skillEvidence = bySkill.ToDictionary(expert => expert.Person.Id, expert => expert.Evidence);
        return chosen.Select(candidate => new RankedExpert(
            candidate.Person,
            Math.Round(candidate.Score, 3),
            (strongest.GetValueOrDefault(candidate.Person.Id) ?? [])
                .Select(source => documents[source])
                .Select(document => new ExpertEvidence(document.Kind, document.Skill, document.Detail, document.At, Math.Round(ExpertDocumentModel.Weight(document.Strength, reference), 3)))
                .Concat(skillEvidence.GetValueOrDefault(candidate.Person.Id) ?? [])
                .DistinctBy(evidence => evidence.Detail)
                .Take(ExpertRanking.EvidencePerExpert)
                .ToList())).ToList();
    }

    /// <summary>
    /// The question's terms with their weight in the corpus: the skills it names add their names (so an
    /// alias or a typo the taxonomy resolves finds the text too); terms no document has, or too many
    /// have, are dropped; of a long question, the rarest terms count.
    /// </summary>
    private static async Task<Dictionary<string, QueryTerm>> TermsAsync(DbSession session, string text, IReadOnlyList<SkillRef> skills, long documents)
    {
        var asked = EvidenceText.Terms(text)
            .Concat(skills.SelectMany(skill => EvidenceText.Terms(skill.Name)))
            .GroupBy(term => term, StringComparer.Ordinal)
            .ToDictionary(term => term.Key, term => Math.Min(term.Count(), ExpertDocumentModel.MaxQueryTermRepeats), StringComparer.Ordinal);
        if (asked.Count == 0)
        {
            return [];
        }

        // Counted up to one past the limit: a term in 40,000 documents is skipped as soon as it is known to be common.
        var words = asked.Keys.ToArray();
        var parameters = new DynamicParameters();
        var counts = string.Join(
            " UNION ALL ",
            words.Select((word, index) =>
            {
                parameters.Add($"t{index}", word);
                return $"SELECT @t{index} AS Term, (SELECT count(*) FROM (SELECT 1 FROM evidence_terms WHERE term = @t{index} LIMIT {MaxPostingsPerTerm + 1}) capped) AS Documents";
            }));
        var frequencies = await session.QueryAsync<TermRow>(counts, parameters);
        return frequencies
            .Where(term => term.Documents is > 0 and <= MaxPostingsPerTerm)
            .OrderBy(term => term.Documents)
            .Take(EvidenceText.MaxQueryTerms)
            .ToDictionary(term => term.Term, term => new QueryTerm(asked[term.Term], ExpertDocumentModel.Idf(Math.Max(documents, term.Documents), term.Documents)), StringComparer.Ordinal);
    }

    /// <summary>
    /// The documents that share terms with the question, each with its BM25 relevance summed over those terms and its
    /// author's activity. A long question on a large history matches tens of thousands of postings; the database sums
    /// them per document (ADR 0110), and the rows are mapped by Dapper's source generator (ADR 0107).
    /// </summary>
    [DapperAot]
    private static async Task<IReadOnlyList<MatchingDocument>> MatchingDocumentsAsync(DbSession session, Dictionary<string, QueryTerm> terms, double averageLength)
    {
        var parameters = new DynamicParameters();
        parameters.Add("AverageLength", Math.Max(1, averageLength));
        var asked = string.Join(
            " UNION ALL ",
            terms.Select((term, index) =>
            {
                parameters.Add($"t{index}", term.Key);
                parameters.Add($"w{index}", term.Value.Repeats * term.Value.Idf);
                return $"SELECT @t{index} AS term, @w{index} AS weight";
            }));
        // The question's terms as a materialised table: PostgreSQL then joins and sums in one process, where it
        // otherwise started two parallel workers for a few thousand rows (about 20 ms a long question against 8).
        var sql = $"""
            WITH q AS MATERIALIZED ({asked})
            SELECT d.source AS Source, d.person_id AS PersonId, d.strength AS Strength, d.relevance AS Relevance, a.strength AS Activity
            FROM (
                SELECT t.source, t.person_id, t.strength, SUM({ExpertDocumentModel.Bm25Sql("q.weight", "t.frequency", "t.length")}) AS relevance
                FROM q JOIN evidence_terms t ON t.term = q.term
                WHERE NOT t.hidden
                GROUP BY t.source, t.person_id, t.strength
            ) d LEFT JOIN person_activity a ON a.person_id = d.person_id
            """;
        return (await session.MappedAtBuildAsync((connection, transaction) => connection.QueryAsync<MatchingDocument>(sql, parameters, transaction))).AsList();
    }

    private static async Task<Dictionary<Guid, ExpertPerson>> PeopleAsync(DbSession session, ExpertQuery filters, Guid[] ids)
    {
        var sql = new System.Text.StringBuilder(
            $"SELECT p.id AS Id, p.display_name AS DisplayName, p.department AS Department, p.title AS Title FROM people p WHERE {session.Dialect.InList("p.id", "@Ids")}");
        ExpertRanking.AppendPeopleFilter(sql, filters);
        var rows = await session.QueryAsync<PersonRow>(sql.ToString(), new { Ids = ids, filters.Department, filters.OtherThanDepartment, filters.Excluding });
        return rows.ToDictionary(row => row.Id, row => new ExpertPerson(row.Id, row.DisplayName, row.Department, row.Title));
    }

    private static double MaxOf(IEnumerable<double> values) => values.DefaultIfEmpty(0).Max() is > 0 and var max ? max : 1;

    private sealed record QueryTerm(int Repeats, double Idf);

    private sealed class ActivityRow
    {
        public Guid PersonId { get; init; }

        public double Strength { get; init; }
    }

    private sealed class TermRow
    {
        public required string Term { get; init; }

        public long Documents { get; init; }
    }

    /// <summary>Internal, not private: the code Dapper's source generator writes reads it.</summary>
    internal sealed class MatchingDocument
    {
        public required string Source { get; init; }

        public Guid PersonId { get; init; }

        public double Strength { get; init; }

        /// <summary>BM25 of the question's terms in this document, before its tie and recency.</summary>
        public double Relevance { get; init; }

        /// <summary>The author's activity (person_activity), null while none is recorded.</summary>
        public double? Activity { get; init; }
    }

    private sealed class DocumentRow
    {
        public required string Source { get; init; }

        public required string Kind { get; init; }

        public required string Skill { get; init; }

        public required string Detail { get; init; }

        public DateTimeOffset At { get; init; }

        public double Strength { get; init; }
    }

    private sealed class PersonRow
    {
        public Guid Id { get; init; }

        public required string DisplayName { get; init; }

        public required string Department { get; init; }

        public string? Title { get; init; }
    }
}
