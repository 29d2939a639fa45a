using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Evidence;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>
/// The end of candidates the taxonomy now knows (ADR 0041), however the skill came (the use that promoted
/// the tag, an admin, a declaration, an import): every source that used the tag while it was a candidate is
/// queued to have its evidence derived again (ADR 0116), so the people who used it first count for it too,
/// and the candidates are forgotten, in the transaction that made the skill.
/// </summary>
internal sealed class SkillCandidates(EvidenceRebuildSignal rebuilds, TimeProvider time)
{
    public async Task AcceptAsync(UnitOfWork work, IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var candidates = new { Keys = keys.ToArray(), Now = time.UtcNowForDatabase() };
        var queued = await work.ExecuteAsync(
            $"""
            INSERT INTO evidence_rebuilds (source, requested_at)
            SELECT DISTINCT source, @Now FROM skill_candidates WHERE {work.Dialect.InList("name_key", "@Keys")}
            ON CONFLICT (source) DO NOTHING
            """,
            candidates);
        await work.ExecuteAsync($"DELETE FROM skill_candidates WHERE {work.Dialect.InList("name_key", "@Keys")}", candidates);
        if (queued > 0)
        {
            work.AfterCommit(rebuilds.Notify);
        }
    }
}
