using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>
/// This instance's copy of the taxonomy's names and aliases (ADR 0115): a question reads the taxonomy's
/// version, one row, and the whole taxonomy only when the version is not the one loaded. Every change of
/// a skill or an alias counts the version up in its own transaction (a trigger), whichever instance or
/// tool makes it, so no question is matched against a taxonomy older than what had committed when it
/// was asked.
/// </summary>
internal sealed class SkillIndexCache
{
    private const string VersionSql = "SELECT version FROM taxonomy_version WHERE singleton = 1";

    private Loaded? _loaded;

    /// <summary>The taxonomy as <paramref name="session"/> sees it.</summary>
    public async Task<SkillIndex> GetAsync(DbSession session)
    {
        var version = await session.QuerySingleAsync<long>(VersionSql);
        if (Volatile.Read(ref _loaded) is { } loaded && loaded.Version == version)
        {
            return loaded.Index;
        }

        // Read after the version: a change committed in between is in the index and counts the version
        // past the one kept, so the next question loads again instead of keeping a stale copy.
        var index = await SkillIndex.LoadAsync(session);
        if (session is not UnitOfWork)
        {
            // A transaction sees its own uncommitted changes, which a rollback would take back: only
            // what had committed is kept for other questions.
            Volatile.Write(ref _loaded, new Loaded(version, index));
        }

        return index;
    }

    private sealed record Loaded(long Version, SkillIndex Index);
}
