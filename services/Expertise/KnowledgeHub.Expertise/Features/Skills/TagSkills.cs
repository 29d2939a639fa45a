using KnowledgeHub.Data;

namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>
/// The skills the tags of a post, answer or project stand for (ADR 0041). A tag maps through the
/// taxonomy (names and aliases, any case); a tag the taxonomy does not know is held as a candidate,
/// not a skill, until an admin accepts it or <see cref="PeopleToPromote"/> different people used it.
/// Only declarations, admins, imports and that rule add skills to the taxonomy.
/// </summary>
internal sealed class TagSkills(SkillTaxonomy taxonomy, SkillCandidates candidates, TimeProvider time)
{
    /// <summary>How many different people must use an unknown tag before it becomes a skill.</summary>
    public const int PeopleToPromote = 3;

    /// <summary>
    /// The distinct skills of <paramref name="tags"/>, used by <paramref name="personId"/> in
    /// <paramref name="source"/>; records the unknown tags as that source's candidate uses, replacing
    /// its earlier ones, and promotes the candidates that have reached enough people.
    /// </summary>
    public async Task<IReadOnlyList<SkillRef>> ResolveAsync(UnitOfWork work, IReadOnlyCollection<string> tags, Guid personId, string source)
    {
        var keys = tags.Select(SkillTaxonomy.KeyOf).Distinct(StringComparer.Ordinal).ToArray();
        var skills = keys.Length == 0 ? new Dictionary<string, SkillRef>() : await taxonomy.FindManyAsync(work, keys);
        var unknown = tags.Where(tag => !skills.ContainsKey(SkillTaxonomy.KeyOf(tag))).DistinctBy(SkillTaxonomy.KeyOf).ToList();
        await work.ExecuteAsync("DELETE FROM skill_candidates WHERE source = @Source", new { Source = source });
        if (unknown.Count > 0)
        {
            var now = time.UtcNowForDatabase();
            await work.ExecuteAsync(
                "INSERT INTO skill_candidates (name_key, name, person_id, source, used_at) VALUES (@Key, @Name, @PersonId, @Source, @Now)",
                unknown.Select(tag => new { Key = SkillTaxonomy.KeyOf(tag), Name = SkillTaxonomy.Clean(tag), PersonId = personId, Source = source, Now = now }));
            var promoted = await work.QueryAsync<string>(
                $"""
                SELECT min(name) FROM skill_candidates WHERE {work.Dialect.InList("name_key", "@Keys")}
                GROUP BY name_key HAVING count(DISTINCT person_id) >= {PeopleToPromote}
                """,
                new { Keys = unknown.Select(SkillTaxonomy.KeyOf).ToArray() });
            foreach (var (key, skill) in await taxonomy.ResolveOrCreateManyAsync(work, promoted))
            {
                skills[key] = skill;
            }

            // Also when another writer made the skill first: this source's own candidate is not one that writer saw.
            await candidates.AcceptAsync(work, promoted.Select(SkillTaxonomy.KeyOf).ToList());

            await TakeSkillsMadeMeanwhileAsync(work, unknown, skills);
        }

        return keys.Where(skills.ContainsKey).Select(key => skills[key]).DistinctBy(skill => skill.Id).ToList();
    }

    /// <summary>
    /// A tag may have become a skill since this transaction first looked (the use that promoted it, or
    /// an admin, committed in between): that commit also removed the candidates this one then counted
    /// too few of. Reading the taxonomy again after the count sees such a skill, so the source is
    /// evidence for it and keeps no candidate for a known tag.
    /// </summary>
    private async Task TakeSkillsMadeMeanwhileAsync(UnitOfWork work, IEnumerable<string> unknownTags, Dictionary<string, SkillRef> skills)
    {
        var stillUnknown = unknownTags.Select(SkillTaxonomy.KeyOf).Where(key => !skills.ContainsKey(key)).ToArray();
        if (stillUnknown.Length == 0)
        {
            return;
        }

        var madeMeanwhile = await taxonomy.FindManyAsync(work, stillUnknown);
        foreach (var (key, skill) in madeMeanwhile)
        {
            skills[key] = skill;
        }

        await candidates.AcceptAsync(work, madeMeanwhile.Keys.ToList());
    }
}
