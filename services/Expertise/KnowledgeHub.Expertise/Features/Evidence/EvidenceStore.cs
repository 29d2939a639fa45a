using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Skills;
using KnowledgeHub.ServiceDefaults.Auth;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>One piece of evidence for one skill, as a source currently shows it.</summary>
internal sealed record EvidencePiece(Guid SkillId, string Kind, string Detail, DateTimeOffset At, int? Level = null);

/// <summary>What one source (a post, an answer, a project membership, a person's declarations, an endorsement) shows of one person.</summary>
internal sealed record EvidenceSource(string Source, Guid PersonId, IReadOnlyList<EvidencePiece> Pieces);

/// <summary>
/// Writes evidence by source: a source is made to show exactly its current pieces, so applying the
/// same state twice changes nothing. Keeps the per-person, per-skill aggregates that ranking reads.
/// </summary>
internal static class EvidenceStore
{
    private const int Batch = 500;

    public static string PostSource(Guid postId) => $"post:{postId}";

    public static string AnswerSource(Guid answerId) => $"answer:{answerId}";

    public static string ProjectSource(Guid projectId, Guid personId) => $"project:{projectId}:{personId}";

    public static string DeclaredSource(Guid personId) => $"declared:{personId}";

    public static string EndorsementSource(Guid endorsementId) => $"endorsement:{endorsementId}";

    public static Task ReplaceAsync(
        UnitOfWork work, string source, Guid personId, IReadOnlyList<EvidencePiece> pieces) =>
        ReplaceManyAsync(work, [new EvidenceSource(source, personId, pieces)]);

    /// <summary>
    /// Makes each source show exactly its pieces. Rows that stay keep their id and whether their
    /// owner hid them; unchanged rows are not written; a few statements per batch of sources.
    /// </summary>
    public static async Task ReplaceManyAsync(UnitOfWork work, IReadOnlyList<EvidenceSource> sources)
    {
        // What a former member wrote stays in its community but is nobody's evidence (ADR 0072).
        var shown = sources.Select(source => source.PersonId == PersonIds.FormerMember ? source with { Pieces = [] } : source);
        foreach (var batch in shown.DistinctBy(source => source.Source).Chunk(Batch))
        {
            var existing = (await work.QueryAsync<StoredPiece>(
                $"""
                SELECT id AS Id, source AS Source, person_id AS PersonId, skill_id AS SkillId, kind AS Kind, detail AS Detail, level AS Level, occurred_at AS At
                FROM evidence WHERE {work.Dialect.InList("source", "@Sources")}
                """,
                new { Sources = batch.Select(source => source.Source).ToArray() })).ToLookup(row => row.Source);

            var gone = new List<StoredPiece>();
            var written = new List<(EvidenceSource Source, EvidencePiece Piece)>();
            var retitled = new List<(string Source, string? Title)>();
            foreach (var source in batch)
            {
                var stored = existing[source.Source].ToDictionary(row => row.SkillId);
                var (before, after) = (TitleOf(stored.Values.Select(row => (row.Kind, row.Detail))), TitleOf(source.Pieces.Select(piece => (piece.Kind, piece.Detail))));
                if (before != after)
                {
                    retitled.Add((source.Source, after));
                }

                // Instants as the database keeps them (microseconds), so an unchanged piece compares equal.
                var wanted = source.Pieces
                    .DistinctBy(piece => piece.SkillId)
                    .Select(piece => piece with { At = piece.At.AddTicks(-(piece.At.Ticks % TimeSpan.TicksPerMicrosecond)) })
                    .ToDictionary(piece => piece.SkillId);
                gone.AddRange(stored.Values.Where(row => !wanted.ContainsKey(row.SkillId) || row.PersonId != source.PersonId));
                written.AddRange(wanted.Values
                    .Where(piece => !stored.TryGetValue(piece.SkillId, out var row) || !row.Shows(source.PersonId, piece))
                    .Select(piece => (source, piece)));
            }

            await WriteAsync(work, gone, written);
            await IndexWordsAsync(work, retitled);
            var affected = gone.Select(row => (row.PersonId, row.SkillId)).Concat(written.Select(entry => (entry.Source.PersonId, entry.Piece.SkillId))).ToList();
            await RecomputeAsync(work,
                affected.Select(pair => pair.PersonId).Distinct().ToArray(),
                affected.Select(pair => pair.SkillId).Distinct().ToArray());
        }
    }

    /// <summary>
    /// Rebuilds the aggregates of some people (in some skills, or all of theirs) from their visible
    /// evidence. Their lock rows are taken first: a concurrent writer waits, and its own
    /// recomputation then reads this transaction's committed evidence, so no piece is ever left
    /// out of a sum.
    /// </summary>
    public static async Task RecomputeAsync(
        UnitOfWork work, Guid[] personIds, Guid[]? skillIds = null)
    {
        var inSkills = skillIds is null ? "" : $"AND {work.Dialect.InListNotSought("skill_id", "@SkillIds")}";
        foreach (var batch in personIds.Order().Chunk(Batch))
        {
            await work.ExecuteRowsAsync(
                "INSERT INTO evidence_locks (person_id) VALUES {rows} ON CONFLICT (person_id) DO UPDATE SET person_id = excluded.person_id",
                batch,
                person => [person]);
            await work.ExecuteAsync(
                $"""
                INSERT INTO expertise (skill_id, person_id, declared_level, declared, endorsement, post, answer, accepted_answer, project, total, pieces)
                SELECT skill_id, person_id,
                       MAX(CASE WHEN kind = 'declared' THEN level END),
                       SUM(CASE WHEN kind = 'declared' THEN strength ELSE 0 END),
                       SUM(CASE WHEN kind = 'endorsement' THEN strength ELSE 0 END),
                       SUM(CASE WHEN kind = 'post' THEN strength ELSE 0 END),
                       SUM(CASE WHEN kind = 'answer' THEN strength ELSE 0 END),
                       SUM(CASE WHEN kind = 'accepted-answer' THEN strength ELSE 0 END),
                       SUM(CASE WHEN kind = 'project' THEN strength ELSE 0 END),
                       SUM(strength),
                       COUNT(*)
                FROM evidence
                WHERE {work.Dialect.InList("person_id", "@PersonIds")} {inSkills} AND NOT hidden
                GROUP BY skill_id, person_id
                ON CONFLICT (skill_id, person_id) DO UPDATE SET
                    declared_level = excluded.declared_level, declared = excluded.declared, endorsement = excluded.endorsement,
                    post = excluded.post, answer = excluded.answer, accepted_answer = excluded.accepted_answer,
                    project = excluded.project, total = excluded.total, pieces = excluded.pieces;

                DELETE FROM expertise
                WHERE {work.Dialect.InList("person_id", "@PersonIds")} {inSkills}
                  AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.person_id = expertise.person_id AND e.skill_id = expertise.skill_id AND NOT e.hidden);
                """,
                new { PersonIds = batch, SkillIds = skillIds });
        }
    }

    /// <summary>What the word index knows a source by: its title, unless it is a declaration ("Declared level 4 of 5").</summary>
    private static string? TitleOf(IEnumerable<(string Kind, string Detail)> pieces) =>
        pieces.Select(piece => piece.Kind == EvidenceKinds.Declared ? null : piece.Detail).FirstOrDefault();

    private static async Task IndexWordsAsync(UnitOfWork work, List<(string Source, string? Title)> retitled)
    {
        if (retitled.Count == 0)
        {
            return;
        }

        await work.ExecuteAsync(
            $"DELETE FROM evidence_words WHERE {work.Dialect.InList("source", "@Sources")}",
            new { Sources = retitled.Select(entry => entry.Source).ToArray() });
        await work.ExecuteRowsAsync(
            "INSERT INTO evidence_words (word, source) VALUES {rows} ON CONFLICT DO NOTHING",
            retitled.Where(entry => entry.Title is not null)
                .SelectMany(entry => SkillIndex.SignificantWords(entry.Title!).Select(word => (Word: word, entry.Source))),
            entry => [entry.Word, entry.Source]);
    }

    private static async Task WriteAsync(
        UnitOfWork work, List<StoredPiece> gone, List<(EvidenceSource Source, EvidencePiece Piece)> written)
    {
        if (gone.Count > 0)
        {
            await work.ExecuteAsync(
                $"DELETE FROM evidence WHERE {work.Dialect.InList("id", "@Ids")}",
                new { Ids = gone.Select(row => row.Id).ToArray() });
        }

        await work.ExecuteRowsAsync(
            """
            INSERT INTO evidence (id, person_id, skill_id, kind, source, detail, level, weight, strength, occurred_at)
            VALUES {rows}
            ON CONFLICT (source, skill_id) DO UPDATE SET
                person_id = excluded.person_id, kind = excluded.kind, detail = excluded.detail, level = excluded.level,
                weight = excluded.weight, strength = excluded.strength, occurred_at = excluded.occurred_at
            """,
            written,
            entry =>
            {
                var weight = ExpertiseModel.WeightOf(entry.Piece.Kind, entry.Piece.Level);
                return
                [
                    Guid.CreateVersion7(), entry.Source.PersonId, entry.Piece.SkillId, entry.Piece.Kind, entry.Source.Source, entry.Piece.Detail,
                    entry.Piece.Level, weight, ExpertiseModel.StrengthOf(weight, entry.Piece.At), entry.Piece.At,
                ];
            });
    }

    private sealed class StoredPiece
    {
        public Guid Id { get; init; }

        public required string Source { get; init; }

        public Guid PersonId { get; init; }

        public Guid SkillId { get; init; }

        public required string Kind { get; init; }

        public required string Detail { get; init; }

        public int? Level { get; init; }

        public DateTimeOffset At { get; init; }

        public bool Shows(Guid personId, EvidencePiece piece) =>
            PersonId == personId && Kind == piece.Kind && Detail == piece.Detail && Level == piece.Level && At == piece.At;
    }
}
