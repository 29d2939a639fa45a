using Dapper;
using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Evidence;

/// <summary>A person's declared skills are evidence too: one piece per skill, weighted by level, dated by the declaration.</summary>
internal static class DeclaredEvidence
{
    public static async Task SyncAsync(UnitOfWork work, SqlDialect dialect, Guid personId, CancellationToken cancellationToken)
    {
        var declarations = await work.Connection.QueryAsync<Declaration>(new CommandDefinition(
            "SELECT skill_id AS SkillId, level AS Level, updated_at AS UpdatedAt FROM person_skills WHERE person_id = @PersonId",
            new { PersonId = personId },
            work.Transaction,
            cancellationToken: cancellationToken));
        await EvidenceStore.ReplaceAsync(
            work,
            dialect,
            EvidenceStore.DeclaredSource(personId),
            personId,
            declarations.Select(declaration => new EvidencePiece(
                declaration.SkillId, EvidenceKinds.Declared, $"Declared level {declaration.Level} of 5", declaration.UpdatedAt, declaration.Level)).ToList(),
            cancellationToken);
    }

    private sealed class Declaration
    {
        public Guid SkillId { get; init; }

        public int Level { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
