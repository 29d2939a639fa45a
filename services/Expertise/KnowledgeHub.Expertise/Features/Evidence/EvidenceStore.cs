using Dapper;
using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>One piece of evidence for one skill, as a source currently shows it.</summary>
internal sealed record EvidencePiece(Guid SkillId, string Kind, string Detail, DateTimeOffset At, int? Level = null);

/// <summary>
/// Writes evidence by source: a source (a post, an answer, a project membership, a person's
/// declarations, an endorsement) is made to show exactly its current pieces, so applying the same
/// state twice changes nothing. Keeps the per-person, per-skill aggregates that ranking reads.
/// </summary>
internal static class EvidenceStore
{
    public static string PostSource(Guid postId) => $"post:{postId}";

    public static string AnswerSource(Guid answerId) => $"answer:{answerId}";

    public static string ProjectSource(Guid projectId, Guid personId) => $"project:{projectId}:{personId}";

    public static string DeclaredSource(Guid personId) => $"declared:{personId}";

    public static string EndorsementSource(Guid endorsementId) => $"endorsement:{endorsementId}";

    /// <summary>
    /// Makes <paramref name="source"/> show exactly <paramref name="pieces"/> for <paramref name="personId"/>.
    /// Rows that stay keep their id and whether their owner hid them; unchanged rows are not written.
    /// </summary>
    public static async Task ReplaceAsync(
        UnitOfWork work, SqlDialect dialect, string source, Guid personId, IReadOnlyList<EvidencePiece> pieces, CancellationToken cancellationToken)
    {
        var existing = (await work.Connection.QueryAsync<StoredPiece>(new CommandDefinition(
            """
            SELECT id AS Id, person_id AS PersonId, skill_id AS SkillId, kind AS Kind, detail AS Detail, level AS Level, occurred_at AS At
            FROM evidence WHERE source = @Source
            """,
            new { Source = source },
            work.Transaction,
            cancellationToken: cancellationToken))).ToDictionary(row => row.SkillId);
        // Instants as the database keeps them (microseconds), so an unchanged piece compares equal.
        var wanted = pieces
            .DistinctBy(piece => piece.SkillId)
            .Select(piece => piece with { At = piece.At.AddTicks(-(piece.At.Ticks % TimeSpan.TicksPerMicrosecond)) })
            .ToDictionary(piece => piece.SkillId);

        var gone = existing.Values.Where(row => !wanted.ContainsKey(row.SkillId) || row.PersonId != personId).ToList();
        var written = wanted.Values
            .Where(piece => !existing.TryGetValue(piece.SkillId, out var row) || !row.Shows(personId, piece))
            .ToList();
        if (gone.Count == 0 && written.Count == 0)
        {
            return;
        }

        if (gone.Count > 0)
        {
            await work.Connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM evidence WHERE {dialect.InList("id", "@Ids")}",
                new { Ids = gone.Select(row => row.Id).ToArray() },
                work.Transaction,
                cancellationToken: cancellationToken));
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO evidence (id, person_id, skill_id, kind, source, detail, level, weight, strength, occurred_at)
            VALUES (@Id, @PersonId, @SkillId, @Kind, @Source, @Detail, @Level, @Weight, @Strength, @At)
            ON CONFLICT (source, skill_id) DO UPDATE SET
                person_id = excluded.person_id, kind = excluded.kind, detail = excluded.detail, level = excluded.level,
                weight = excluded.weight, strength = excluded.strength, occurred_at = excluded.occurred_at
            """,
            written.Select(piece =>
            {
                var weight = ExpertiseModel.WeightOf(piece.Kind, piece.Level);
                return new
                {
                    Id = Guid.CreateVersion7(),
                    PersonId = personId,
                    piece.SkillId,
                    piece.Kind,
                    Source = source,
                    piece.Detail,
                    piece.Level,
                    Weight = weight,
                    Strength = ExpertiseModel.StrengthOf(weight, piece.At),
                    piece.At,
                };
            }),
            work.Transaction,
            cancellationToken: cancellationToken));

        foreach (var affected in gone.Select(row => (row.PersonId, row.SkillId))
                     .Concat(written.Select(piece => (PersonId: personId, piece.SkillId)))
                     .GroupBy(pair => pair.PersonId))
        {
            await RecomputeAsync(work, dialect, affected.Key, affected.Select(pair => pair.SkillId).Distinct().ToArray(), cancellationToken);
        }
    }

    /// <summary>
    /// Rebuilds the aggregates of one person in the given skills from their visible evidence. The
    /// person's lock row is taken first: a concurrent writer waits, and its own recomputation then
    /// reads this transaction's committed evidence, so no piece is ever left out of a sum.
    /// </summary>
    public static Task RecomputeAsync(UnitOfWork work, SqlDialect dialect, Guid personId, Guid[] skillIds, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO evidence_locks (person_id) VALUES (@PersonId)
            ON CONFLICT (person_id) DO UPDATE SET person_id = excluded.person_id;

            INSERT INTO expertise (skill_id, person_id, declared_level, declared, endorsement, post, answer, accepted_answer, project, pieces)
            SELECT skill_id, person_id,
                   MAX(CASE WHEN kind = 'declared' THEN level END),
                   SUM(CASE WHEN kind = 'declared' THEN strength ELSE 0 END),
                   SUM(CASE WHEN kind = 'endorsement' THEN strength ELSE 0 END),
                   SUM(CASE WHEN kind = 'post' THEN strength ELSE 0 END),
                   SUM(CASE WHEN kind = 'answer' THEN strength ELSE 0 END),
                   SUM(CASE WHEN kind = 'accepted-answer' THEN strength ELSE 0 END),
                   SUM(CASE WHEN kind = 'project' THEN strength ELSE 0 END),
                   COUNT(*)
            FROM evidence
            WHERE person_id = @PersonId AND {dialect.InList("skill_id", "@SkillIds")} AND NOT hidden
            GROUP BY skill_id, person_id
            ON CONFLICT (skill_id, person_id) DO UPDATE SET
                declared_level = excluded.declared_level, declared = excluded.declared, endorsement = excluded.endorsement,
                post = excluded.post, answer = excluded.answer, accepted_answer = excluded.accepted_answer,
                project = excluded.project, pieces = excluded.pieces;

            DELETE FROM expertise
            WHERE person_id = @PersonId AND {dialect.InList("skill_id", "@SkillIds")}
              AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.person_id = expertise.person_id AND e.skill_id = expertise.skill_id AND NOT e.hidden);
            """,
            new { PersonId = personId, SkillIds = skillIds },
            work.Transaction,
            cancellationToken: cancellationToken));

    private sealed class StoredPiece
    {
        public Guid Id { get; init; }

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
