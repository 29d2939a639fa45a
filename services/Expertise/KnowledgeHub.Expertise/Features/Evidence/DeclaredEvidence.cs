using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>A person's declared skills are evidence too: one piece per skill, weighted by level, dated by the declaration.</summary>
internal static class DeclaredEvidence
{
    public static Task SyncAsync(UnitOfWork work, Guid personId) =>
        SyncAsync(work, [personId]);

    public static async Task SyncAsync(UnitOfWork work, Guid[] personIds)
    {
        var declarations = (await work.QueryAsync<Declaration>(
            $"SELECT person_id AS PersonId, skill_id AS SkillId, level AS Level, updated_at AS UpdatedAt FROM person_skills WHERE {work.Dialect.InList("person_id", "@PersonIds")}",
            new { PersonIds = personIds })).ToLookup(declaration => declaration.PersonId);
        await EvidenceStore.ReplaceManyAsync(work,
            personIds.Select(person => new EvidenceSource(
                EvidenceStore.DeclaredSource(person),
                person,
                declarations[person].Select(declaration => new EvidencePiece(
                    declaration.SkillId, EvidenceKinds.Declared, $"Declared level {declaration.Level} of 5", declaration.UpdatedAt, declaration.Level)).ToList())).ToList());
    }

    private sealed class Declaration
    {
        public Guid PersonId { get; init; }

        public Guid SkillId { get; init; }

        public int Level { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
